package io.eddy.core.internal.types.reflect;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Type;

/**
 * One field of a POJO and how it is reached: directly when public and non-final, otherwise through
 * its public getter and setter ({@code getter}/{@code setter} null when the field is used
 * directly).
 */
public record PojoProperty(Field field, Method getter, Method setter) {

  public String name() {
    return field.getName();
  }

  public Type genericType() {
    return field.getGenericType();
  }
}
