package io.eddy.core.internal.types.reflect;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/** Turns reflective members into method handles with erased, uniform signatures. */
final class Reflection {
  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
  private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
  private static final MethodType SETTER =
      MethodType.methodType(void.class, Object.class, Object.class);

  private Reflection() {}

  /** {@code (Object) -> Object}. */
  static MethodHandle getter(Method method) {
    return unreflect(method).asType(GETTER);
  }

  /** {@code (Object) -> Object}. */
  static MethodHandle getter(Field field) {
    try {
      return LOOKUP.unreflectGetter(accessible(field)).asType(GETTER);
    } catch (IllegalAccessException e) {
      throw inaccessible(field, e);
    }
  }

  /** {@code (Object, Object) -> void}; a setter's return value is dropped. */
  static MethodHandle setter(Method method) {
    MethodHandle handle = unreflect(method);
    if (method.getReturnType() != void.class) {
      handle = MethodHandles.dropReturn(handle);
    }
    return handle.asType(SETTER);
  }

  /** {@code (Object, Object) -> void}. */
  static MethodHandle setter(Field field) {
    try {
      return LOOKUP.unreflectSetter(accessible(field)).asType(SETTER);
    } catch (IllegalAccessException e) {
      throw inaccessible(field, e);
    }
  }

  /** {@code (Object[]) -> Object}, spreading the array over the constructor's parameters. */
  static MethodHandle constructor(Constructor<?> constructor) {
    try {
      MethodHandle handle = LOOKUP.unreflectConstructor(accessible(constructor));
      int arity = constructor.getParameterCount();
      return handle
          .asType(handle.type().generic())
          .asSpreader(Object[].class, arity)
          .asType(MethodType.methodType(Object.class, Object[].class));
    } catch (IllegalAccessException e) {
      throw inaccessible(constructor, e);
    }
  }

  private static MethodHandle unreflect(Method method) {
    try {
      return LOOKUP.unreflect(accessible(method));
    } catch (IllegalAccessException e) {
      throw inaccessible(method, e);
    }
  }

  private static <A extends AccessibleObject> A accessible(A member) {
    try {
      member.setAccessible(true);
    } catch (RuntimeException e) {
      // Not opened to us (a named module); the lookup below reports the access problem.
    }
    return member;
  }

  private static IllegalStateException inaccessible(Object member, Exception e) {
    return new IllegalStateException("Cannot access " + member + ": " + e.getMessage(), e);
  }

  /** Rethrows unchecked throwables as they are and wraps checked ones. */
  static RuntimeException propagate(Throwable t) {
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    throw new IllegalStateException(t.getMessage(), t);
  }
}
