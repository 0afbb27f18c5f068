package io.eddy.core.internal.types.serializers;

import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import io.eddy.api.common.typeutils.TypeSerializer;
import java.io.IOException;

/** Serializes non-null {@code byte[]} as a var-int length and the bytes. */
public final class BytePrimitiveArraySerializer extends TypeSerializer<byte[]> {
  private static final long serialVersionUID = 1L;

  /** The shared instance; the serializer is stateless. */
  public static final BytePrimitiveArraySerializer INSTANCE = new BytePrimitiveArraySerializer();

  private BytePrimitiveArraySerializer() {}

  @Override
  public void serialize(byte[] value, DataOutputView out) throws IOException {
    out.writeVarInt(value.length);
    out.write(value);
  }

  @Override
  public byte[] deserialize(DataInputView in) throws IOException {
    byte[] value = new byte[in.readVarInt()];
    in.readFully(value);
    return value;
  }

  @Override
  public byte[] copy(byte[] value) {
    return value.clone();
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
