package io.eddy.core.internal.types.reflect;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a class is a POJO Eddy can serialize field by field, and lists its fields.
 *
 * <p>A POJO is a public, concrete, non-inner class with a public no-arg constructor whose every
 * non-static, non-transient field (including inherited ones) is public and non-final or has a
 * public getter ({@code getX}/{@code isX}) and setter ({@code setX}). Fields are ordered superclass
 * first, then in declaration order. Results are cached per class.
 */
public final class PojoAnalysis {
  private static final ClassValue<PojoAnalysis> CACHE =
      new ClassValue<>() {
        @Override
        protected PojoAnalysis computeValue(Class<?> type) {
          return new PojoAnalysis(type);
        }
      };

  private final List<PojoProperty> properties = new ArrayList<>();
  private final String problem;

  private PojoAnalysis(Class<?> type) {
    this.problem = analyze(type);
    if (problem != null) {
      properties.clear();
    }
  }

  /** The (cached) analysis of {@code type}. */
  public static PojoAnalysis of(Class<?> type) {
    return CACHE.get(type);
  }

  /** Whether the class is a POJO. */
  public boolean isPojo() {
    return problem == null;
  }

  /** Why the class is not a POJO, as a clause like "it is not public", or null if it is. */
  public String problem() {
    return problem;
  }

  /** The fields, superclass fields first; empty if not a POJO. */
  public List<PojoProperty> properties() {
    return List.copyOf(properties);
  }

  private String analyze(Class<?> type) {
    int modifiers = type.getModifiers();
    if (type.isInterface() || type.isArray() || type.isPrimitive() || type.isEnum()) {
      return "it is not a class";
    }
    if (!Modifier.isPublic(modifiers)) {
      return "it is not public";
    }
    if (Modifier.isAbstract(modifiers)) {
      return "it is abstract";
    }
    if (type.getEnclosingClass() != null && !Modifier.isStatic(modifiers)) {
      return "it is an inner (non-static) class";
    }
    try {
      Constructor<?> constructor = type.getConstructor();
      if (!Modifier.isPublic(constructor.getModifiers())) {
        return "it has no public no-arg constructor";
      }
    } catch (NoSuchMethodException e) {
      return "it has no public no-arg constructor";
    }
    return collectFields(type, new HashSet<>());
  }

  private String collectFields(Class<?> type, Set<String> names) {
    if (type == Object.class || type == null) {
      return null;
    }
    String superProblem = collectFields(type.getSuperclass(), names);
    if (superProblem != null) {
      return superProblem;
    }
    for (Field field : type.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) {
        continue;
      }
      if (!names.add(field.getName())) {
        return "field '" + field.getName() + "' hides a superclass field";
      }
      if (Modifier.isPublic(modifiers) && !Modifier.isFinal(modifiers)) {
        properties.add(new PojoProperty(field, null, null));
        continue;
      }
      Method getter = findGetter(type, field);
      Method setter = findSetter(type, field);
      if (getter == null || setter == null) {
        return "field '"
            + field.getName()
            + "' is not public and has no public "
            + (getter == null ? "getter" : "setter");
      }
      properties.add(new PojoProperty(field, getter, setter));
    }
    return null;
  }

  private static Method findGetter(Class<?> type, Field field) {
    String suffix = capitalize(field.getName());
    for (String prefix : new String[] {"get", "is"}) {
      try {
        Method method = type.getMethod(prefix + suffix);
        if (field.getType().isAssignableFrom(method.getReturnType())
            && !Modifier.isStatic(method.getModifiers())) {
          return method;
        }
      } catch (NoSuchMethodException e) {
        // try the next prefix
      }
    }
    return null;
  }

  private static Method findSetter(Class<?> type, Field field) {
    try {
      Method method = type.getMethod("set" + capitalize(field.getName()), field.getType());
      return Modifier.isStatic(method.getModifiers()) ? null : method;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static String capitalize(String name) {
    return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }
}
