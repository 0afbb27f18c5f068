package io.eddy.core.internal.types.reflect;

import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * Creates POJOs and reads and writes their fields by index (the order of {@link
 * PojoAnalysis#properties()}). Method handles are resolved once per class ({@link #of} caches);
 * calls do no lookups.
 */
public final class PojoAccess {
  private static final ClassValue<PojoAccess> CACHE =
      new ClassValue<>() {
        @Override
        protected PojoAccess computeValue(Class<?> type) {
          return new PojoAccess(type);
        }
      };
  private static final Object[] NO_ARGS = new Object[0];

  private final String[] names;
  private final MethodHandle[] getters;
  private final MethodHandle[] setters;
  private final MethodHandle constructor;

  private PojoAccess(Class<?> type) {
    PojoAnalysis analysis = PojoAnalysis.of(type);
    if (!analysis.isPojo()) {
      throw new IllegalArgumentException(type.getName() + " is not a POJO: " + analysis.problem());
    }
    List<PojoProperty> properties = analysis.properties();
    names = new String[properties.size()];
    getters = new MethodHandle[names.length];
    setters = new MethodHandle[names.length];
    for (int i = 0; i < names.length; i++) {
      PojoProperty property = properties.get(i);
      names[i] = property.name();
      getters[i] =
          property.getter() == null
              ? Reflection.getter(property.field())
              : Reflection.getter(property.getter());
      setters[i] =
          property.setter() == null
              ? Reflection.setter(property.field())
              : Reflection.setter(property.setter());
    }
    try {
      constructor = Reflection.constructor(type.getConstructor());
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(type.getName() + " has no public no-arg constructor", e);
    }
  }

  /** The (cached) access for {@code pojoClass}; IllegalArgumentException if it is no POJO. */
  public static PojoAccess of(Class<?> pojoClass) {
    return CACHE.get(pojoClass);
  }

  /** Number of fields. */
  public int arity() {
    return names.length;
  }

  public String name(int index) {
    return names[index];
  }

  /** Index of the field called {@code name}, or -1. */
  public int indexOf(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** A new instance from the no-arg constructor. */
  public Object newInstance() {
    try {
      return (Object) constructor.invokeExact(NO_ARGS);
    } catch (Throwable t) {
      throw Reflection.propagate(t);
    }
  }

  public Object get(Object pojo, int index) {
    try {
      return (Object) getters[index].invokeExact(pojo);
    } catch (Throwable t) {
      throw Reflection.propagate(t);
    }
  }

  public void set(Object pojo, int index, Object value) {
    try {
      setters[index].invokeExact(pojo, value);
    } catch (Throwable t) {
      throw Reflection.propagate(t);
    }
  }
}
