package io.eddy.core.internal.types.serializers;

import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import java.io.IOException;

/** Serializes non-null {@link Boolean} values in 1 byte. */
public final class BooleanSerializer extends ImmutableValueSerializer<Boolean> {
  private static final long serialVersionUID = 1L;

  /** The shared instance; the serializer is stateless. */
  public static final BooleanSerializer INSTANCE = new BooleanSerializer();

  private BooleanSerializer() {}

  @Override
  public void serialize(Boolean value, DataOutputView out) throws IOException {
    out.writeBoolean(value);
  }

  @Override
  public Boolean deserialize(DataInputView in) throws IOException {
    return in.readBoolean();
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
