package io.eddy.core.internal.types.serializers;

import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import io.eddy.api.common.typeutils.TypeSerializer;
import java.io.IOException;

/** Serializes non-null {@code short[]} as a var-int length and the elements. */
public final class ShortPrimitiveArraySerializer extends TypeSerializer<short[]> {
  private static final long serialVersionUID = 1L;

  /** The shared instance; the serializer is stateless. */
  public static final ShortPrimitiveArraySerializer INSTANCE = new ShortPrimitiveArraySerializer();

  private ShortPrimitiveArraySerializer() {}

  @Override
  public void serialize(short[] value, DataOutputView out) throws IOException {
    out.writeVarInt(value.length);
    for (short v : value) {
      out.writeShort(v);
    }
  }

  @Override
  public short[] deserialize(DataInputView in) throws IOException {
    short[] value = new short[in.readVarInt()];
    for (int i = 0; i < value.length; i++) {
      value[i] = in.readShort();
    }
    return value;
  }

  @Override
  public short[] copy(short[] value) {
    return value.clone();
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
