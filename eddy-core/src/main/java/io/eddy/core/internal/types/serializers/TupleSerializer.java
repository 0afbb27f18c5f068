package io.eddy.core.internal.types.serializers;

import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.api.java.tuple.Tuple;
import java.io.IOException;

/**
 * Serializes non-null {@code Tuple1..Tuple5}: one byte whose bit {@code i} marks field {@code i}
 * null, then the non-null fields in order with their serializers.
 */
public final class TupleSerializer<T extends Tuple> extends TypeSerializer<T> {
  private static final long serialVersionUID = 1L;

  private final TypeSerializer<Object>[] fieldSerializers;
  private final boolean immutableFields;

  /** Tuples with {@code fieldSerializers.length} fields (1 to 5), one serializer per field. */
  public TupleSerializer(TypeSerializer<?>... fieldSerializers) {
    Tuple.getTupleClass(fieldSerializers.length); // validates the arity
    this.fieldSerializers = Serializers.erase(fieldSerializers);
    this.immutableFields = Serializers.allImmutable(fieldSerializers);
  }

  @Override
  public void serialize(T value, DataOutputView out) throws IOException {
    TypeSerializer<Object>[] serializers = fieldSerializers;
    int nullMask = 0;
    for (int i = 0; i < serializers.length; i++) {
      if (value.getField(i) == null) {
        nullMask |= 1 << i;
      }
    }
    out.writeByte(nullMask);
    for (int i = 0; i < serializers.length; i++) {
      Object field = value.getField(i);
      if (field != null) {
        serializers[i].serialize(field, out);
      }
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(DataInputView in) throws IOException {
    TypeSerializer<Object>[] serializers = fieldSerializers;
    T tuple = (T) Tuple.newInstance(serializers.length);
    int nullMask = in.readUnsignedByte();
    for (int i = 0; i < serializers.length; i++) {
      if ((nullMask & (1 << i)) == 0) {
        tuple.setField(serializers[i].deserialize(in), i);
      }
    }
    return tuple;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T copy(T value) {
    T copy = (T) value.copy();
    if (!immutableFields) {
      for (int i = 0; i < fieldSerializers.length; i++) {
        Object field = value.getField(i);
        copy.setField(field == null ? null : fieldSerializers[i].copy(field), i);
      }
    }
    return copy;
  }

  @Override
  public TypeSerializer<T> duplicate() {
    TypeSerializer<Object>[] duplicates = Serializers.duplicate(fieldSerializers);
    return duplicates == fieldSerializers ? this : new TupleSerializer<>(duplicates);
  }
}
