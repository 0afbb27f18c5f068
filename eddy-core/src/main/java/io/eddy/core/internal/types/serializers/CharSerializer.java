package io.eddy.core.internal.types.serializers;

import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import java.io.IOException;

/** Serializes non-null {@link Character} values in 2 bytes. */
public final class CharSerializer extends ImmutableValueSerializer<Character> {
  private static final long serialVersionUID = 1L;

  /** The shared instance; the serializer is stateless. */
  public static final CharSerializer INSTANCE = new CharSerializer();

  private CharSerializer() {}

  @Override
  public void serialize(Character value, DataOutputView out) throws IOException {
    out.writeChar(value);
  }

  @Override
  public Character deserialize(DataInputView in) throws IOException {
    return in.readChar();
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
