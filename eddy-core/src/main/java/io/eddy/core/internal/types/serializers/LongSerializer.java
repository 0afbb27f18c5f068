package io.eddy.core.internal.types.serializers;

import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import java.io.IOException;

/** Serializes non-null {@link Long} values in 8 bytes. */
public final class LongSerializer extends ImmutableValueSerializer<Long> {
  private static final long serialVersionUID = 1L;

  /** The shared instance; the serializer is stateless. */
  public static final LongSerializer INSTANCE = new LongSerializer();

  private LongSerializer() {}

  @Override
  public void serialize(Long value, DataOutputView out) throws IOException {
    out.writeLong(value);
  }

  @Override
  public Long deserialize(DataInputView in) throws IOException {
    return in.readLong();
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
