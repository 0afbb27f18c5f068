package io.eddy.core.internal.types.serializers;

import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import java.io.IOException;

/** Serializes non-null {@link Float} values in 4 bytes. */
public final class FloatSerializer extends ImmutableValueSerializer<Float> {
  private static final long serialVersionUID = 1L;

  /** The shared instance; the serializer is stateless. */
  public static final FloatSerializer INSTANCE = new FloatSerializer();

  private FloatSerializer() {}

  @Override
  public void serialize(Float value, DataOutputView out) throws IOException {
    out.writeFloat(value);
  }

  @Override
  public Float deserialize(DataInputView in) throws IOException {
    return in.readFloat();
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
