package io.eddy.core.internal.types;

import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.java.tuple.Tuple;

/** Field {@code pos} of a tuple; {@link #set} updates the tuple in place. */
final class TupleFieldAccessor<T extends Tuple, F> implements FieldAccessor<T, F> {
  private static final long serialVersionUID = 1L;

  private final int pos;
  private final TypeInformation<F> fieldType;

  TupleFieldAccessor(int pos, TypeInformation<F> fieldType) {
    this.pos = pos;
    this.fieldType = fieldType;
  }

  @Override
  public F get(T value) {
    return value.getField(pos);
  }

  @Override
  public T set(T value, F fieldValue) {
    value.setField(fieldValue, pos);
    return value;
  }

  @Override
  public TypeInformation<F> getFieldType() {
    return fieldType;
  }
}
