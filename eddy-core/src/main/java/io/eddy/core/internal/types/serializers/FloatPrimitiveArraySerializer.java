package io.eddy.core.internal.types.serializers;

import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import io.eddy.api.common.typeutils.TypeSerializer;
import java.io.IOException;

/** Serializes non-null {@code float[]} as a var-int length and the elements. */
public final class FloatPrimitiveArraySerializer extends TypeSerializer<float[]> {
  private static final long serialVersionUID = 1L;

  /** The shared instance; the serializer is stateless. */
  public static final FloatPrimitiveArraySerializer INSTANCE = new FloatPrimitiveArraySerializer();

  private FloatPrimitiveArraySerializer() {}

  @Override
  public void serialize(float[] value, DataOutputView out) throws IOException {
    out.writeVarInt(value.length);
    for (float v : value) {
      out.writeFloat(v);
    }
  }

  @Override
  public float[] deserialize(DataInputView in) throws IOException {
    float[] value = new float[in.readVarInt()];
    for (int i = 0; i < value.length; i++) {
      value[i] = in.readFloat();
    }
    return value;
  }

  @Override
  public float[] copy(float[] value) {
    return value.clone();
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
