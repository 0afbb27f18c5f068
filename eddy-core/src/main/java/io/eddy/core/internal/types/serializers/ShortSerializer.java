package io.eddy.core.internal.types.serializers;

import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import java.io.IOException;

/** Serializes non-null {@link Short} values in 2 bytes. */
public final class ShortSerializer extends ImmutableValueSerializer<Short> {
  private static final long serialVersionUID = 1L;

  /** The shared instance; the serializer is stateless. */
  public static final ShortSerializer INSTANCE = new ShortSerializer();

  private ShortSerializer() {}

  @Override
  public void serialize(Short value, DataOutputView out) throws IOException {
    out.writeShort(value);
  }

  @Override
  public Short deserialize(DataInputView in) throws IOException {
    return in.readShort();
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
