package io.eddy.core.internal.types.serializers;

import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import java.io.IOException;

/** Serializes non-null {@link Integer} values in 4 bytes. */
public final class IntSerializer extends ImmutableValueSerializer<Integer> {
  private static final long serialVersionUID = 1L;

  /** The shared instance; the serializer is stateless. */
  public static final IntSerializer INSTANCE = new IntSerializer();

  private IntSerializer() {}

  @Override
  public void serialize(Integer value, DataOutputView out) throws IOException {
    out.writeInt(value);
  }

  @Override
  public Integer deserialize(DataInputView in) throws IOException {
    return in.readInt();
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
