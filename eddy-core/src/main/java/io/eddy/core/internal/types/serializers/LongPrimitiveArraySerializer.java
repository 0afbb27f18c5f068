package io.eddy.core.internal.types.serializers;

import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import io.eddy.api.common.typeutils.TypeSerializer;
import java.io.IOException;

/** Serializes non-null {@code long[]} as a var-int length and the elements. */
public final class LongPrimitiveArraySerializer extends TypeSerializer<long[]> {
  private static final long serialVersionUID = 1L;

  /** The shared instance; the serializer is stateless. */
  public static final LongPrimitiveArraySerializer INSTANCE = new LongPrimitiveArraySerializer();

  private LongPrimitiveArraySerializer() {}

  @Override
  public void serialize(long[] value, DataOutputView out) throws IOException {
    out.writeVarInt(value.length);
    for (long v : value) {
      out.writeLong(v);
    }
  }

  @Override
  public long[] deserialize(DataInputView in) throws IOException {
    long[] value = new long[in.readVarInt()];
    for (int i = 0; i < value.length; i++) {
      value[i] = in.readLong();
    }
    return value;
  }

  @Override
  public long[] copy(long[] value) {
    return value.clone();
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
