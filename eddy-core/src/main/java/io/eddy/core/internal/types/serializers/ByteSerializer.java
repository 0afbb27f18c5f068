package io.eddy.core.internal.types.serializers;

import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import java.io.IOException;

/** Serializes non-null {@link Byte} values in 1 byte. */
public final class ByteSerializer extends ImmutableValueSerializer<Byte> {
  private static final long serialVersionUID = 1L;

  /** The shared instance; the serializer is stateless. */
  public static final ByteSerializer INSTANCE = new ByteSerializer();

  private ByteSerializer() {}

  @Override
  public void serialize(Byte value, DataOutputView out) throws IOException {
    out.writeByte(value);
  }

  @Override
  public Byte deserialize(DataInputView in) throws IOException {
    return in.readByte();
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
