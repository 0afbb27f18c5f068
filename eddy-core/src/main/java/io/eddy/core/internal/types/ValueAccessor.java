package io.eddy.core.internal.types;

import io.eddy.api.common.typeinfo.TypeInformation;

/** The value itself, as field 0 of a basic type; {@link #set} returns the new value. */
final class ValueAccessor<T> implements FieldAccessor<T, T> {
  private static final long serialVersionUID = 1L;

  private final TypeInformation<T> type;

  ValueAccessor(TypeInformation<T> type) {
    this.type = type;
  }

  @Override
  public T get(T value) {
    return value;
  }

  @Override
  public T set(T value, T fieldValue) {
    return fieldValue;
  }

  @Override
  public TypeInformation<T> getFieldType() {
    return type;
  }
}
