package io.eddy.core.internal.types.serializers;

import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import java.io.IOException;

/** Serializes non-null {@link Double} values in 8 bytes. */
public final class DoubleSerializer extends ImmutableValueSerializer<Double> {
  private static final long serialVersionUID = 1L;

  /** The shared instance; the serializer is stateless. */
  public static final DoubleSerializer INSTANCE = new DoubleSerializer();

  private DoubleSerializer() {}

  @Override
  public void serialize(Double value, DataOutputView out) throws IOException {
    out.writeDouble(value);
  }

  @Override
  public Double deserialize(DataInputView in) throws IOException {
    return in.readDouble();
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
