package io.eddy.core.internal.types.reflect;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;

/**
 * Reads the components of a Java record and builds records through the canonical constructor.
 * Method handles are resolved once per record class ({@link #of} caches); calls do no lookups.
 */
public final class RecordAccess {
  private static final ClassValue<RecordAccess> CACHE =
      new ClassValue<>() {
        @Override
        protected RecordAccess computeValue(Class<?> type) {
          return new RecordAccess(type);
        }
      };

  private final Class<?> recordClass;
  private final String[] names;
  private final Type[] genericTypes;
  private final MethodHandle[] getters;
  private final MethodHandle constructor;

  private RecordAccess(Class<?> recordClass) {
    if (!recordClass.isRecord()) {
      throw new IllegalArgumentException(recordClass.getName() + " is not a record");
    }
    RecordComponent[] components = recordClass.getRecordComponents();
    this.recordClass = recordClass;
    this.names = new String[components.length];
    this.genericTypes = new Type[components.length];
    this.getters = new MethodHandle[components.length];
    Class<?>[] rawTypes = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      names[i] = components[i].getName();
      genericTypes[i] = components[i].getGenericType();
      rawTypes[i] = components[i].getType();
      getters[i] = Reflection.getter(components[i].getAccessor());
    }
    try {
      this.constructor = Reflection.constructor(recordClass.getDeclaredConstructor(rawTypes));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(
          "Record " + recordClass.getName() + " has no canonical constructor", e);
    }
  }

  /** The (cached) access for {@code recordClass}, which must be a record. */
  public static RecordAccess of(Class<?> recordClass) {
    return CACHE.get(recordClass);
  }

  public Class<?> recordClass() {
    return recordClass;
  }

  /** Number of components. */
  public int arity() {
    return names.length;
  }

  public String name(int index) {
    return names[index];
  }

  /** Component names in declaration order. */
  public String[] names() {
    return names.clone();
  }

  /** The generic type of component {@code index}. */
  public Type genericType(int index) {
    return genericTypes[index];
  }

  /** Index of the component called {@code name}, or -1. */
  public int indexOf(String name) {
    return Arrays.asList(names).indexOf(name);
  }

  /** The value of component {@code index} of {@code record}. */
  public Object get(Object record, int index) {
    try {
      return (Object) getters[index].invokeExact(record);
    } catch (Throwable t) {
      throw Reflection.propagate(t);
    }
  }

  /** A new record from its component values in order; the array may be reused afterwards. */
  public Object create(Object[] components) {
    try {
      return (Object) constructor.invokeExact(components);
    } catch (Throwable t) {
      throw Reflection.propagate(t);
    }
  }
}
