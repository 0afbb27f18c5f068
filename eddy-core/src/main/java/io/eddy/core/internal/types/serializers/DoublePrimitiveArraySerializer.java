package io.eddy.core.internal.types.serializers;

import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import io.eddy.api.common.typeutils.TypeSerializer;
import java.io.IOException;

/** Serializes non-null {@code double[]} as a var-int length and the elements. */
public final class DoublePrimitiveArraySerializer extends TypeSerializer<double[]> {
  private static final long serialVersionUID = 1L;

  /** The shared instance; the serializer is stateless. */
  public static final DoublePrimitiveArraySerializer INSTANCE =
      new DoublePrimitiveArraySerializer();

  private DoublePrimitiveArraySerializer() {}

  @Override
  public void serialize(double[] value, DataOutputView out) throws IOException {
    out.writeVarInt(value.length);
    for (double v : value) {
      out.writeDouble(v);
    }
  }

  @Override
  public double[] deserialize(DataInputView in) throws IOException {
    double[] value = new double[in.readVarInt()];
    for (int i = 0; i < value.length; i++) {
      value[i] = in.readDouble();
    }
    return value;
  }

  @Override
  public double[] copy(double[] value) {
    return value.clone();
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
