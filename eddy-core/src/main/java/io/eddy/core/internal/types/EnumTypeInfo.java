package io.eddy.core.internal.types;

import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.types.serializers.EnumSerializer;

/** An enum, serialized by ordinal. Prints as the enum's simple name. */
public final class EnumTypeInfo<E extends Enum<E>> extends TypeInformation<E> {
  private static final long serialVersionUID = 1L;

  private final Class<E> enumClass;

  public EnumTypeInfo(Class<E> enumClass) {
    if (!enumClass.isEnum()) {
      throw new IllegalArgumentException(enumClass.getName() + " is not an enum");
    }
    this.enumClass = enumClass;
  }

  @Override
  public Class<E> getTypeClass() {
    return enumClass;
  }

  @Override
  public TypeSerializer<E> createSerializer() {
    return new EnumSerializer<>(enumClass);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EnumTypeInfo<?> other && other.enumClass == enumClass;
  }

  @Override
  public int hashCode() {
    return enumClass.hashCode();
  }

  @Override
  public String toString() {
    return enumClass.getSimpleName();
  }
}
