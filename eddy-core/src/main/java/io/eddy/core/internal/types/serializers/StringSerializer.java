package io.eddy.core.internal.types.serializers;

import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import java.io.IOException;

/** Serializes non-null {@link String} values with {@link DataOutputView#writeString}. */
public final class StringSerializer extends ImmutableValueSerializer<String> {
  private static final long serialVersionUID = 1L;

  /** The shared instance; the serializer is stateless. */
  public static final StringSerializer INSTANCE = new StringSerializer();

  private StringSerializer() {}

  @Override
  public void serialize(String value, DataOutputView out) throws IOException {
    out.writeString(value);
  }

  @Override
  public String deserialize(DataInputView in) throws IOException {
    return in.readString();
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
