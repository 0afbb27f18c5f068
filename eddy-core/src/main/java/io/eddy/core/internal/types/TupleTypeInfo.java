package io.eddy.core.internal.types;

import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.api.java.tuple.Tuple;
import io.eddy.core.internal.types.serializers.TupleSerializer;
import java.util.Arrays;

/**
 * {@code Tuple1} to {@code Tuple5} with one type per field; prints as {@code Tuple2<String, Long>}.
 */
public final class TupleTypeInfo<T extends Tuple> extends TypeInformation<T> {
  private static final long serialVersionUID = 1L;

  private final TypeInformation<?>[] fieldTypes;

  /** A tuple with {@code fieldTypes.length} (1 to 5) fields of the given types. */
  public TupleTypeInfo(TypeInformation<?>... fieldTypes) {
    Tuple.getTupleClass(fieldTypes.length); // validates the arity
    this.fieldTypes = fieldTypes.clone();
  }

  /** The type of field {@code pos}. */
  public TypeInformation<?> getFieldType(int pos) {
    return fieldTypes[pos];
  }

  @Override
  @SuppressWarnings("unchecked")
  public Class<T> getTypeClass() {
    return (Class<T>) Tuple.getTupleClass(fieldTypes.length);
  }

  @Override
  public int getArity() {
    return fieldTypes.length;
  }

  @Override
  public TypeSerializer<T> createSerializer() {
    return new TupleSerializer<>(TypeInfos.serializers(fieldTypes));
  }

  @Override
  public boolean isKnown() {
    return TypeInfos.allKnown(fieldTypes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TupleTypeInfo<?> other && Arrays.equals(other.fieldTypes, fieldTypes);
  }

  @Override
  public int hashCode() {
    return 31 * TupleTypeInfo.class.hashCode() + Arrays.hashCode(fieldTypes);
  }

  @Override
  public String toString() {
    return "Tuple" + fieldTypes.length + "<" + TypeInfos.join(null, fieldTypes) + ">";
  }
}
