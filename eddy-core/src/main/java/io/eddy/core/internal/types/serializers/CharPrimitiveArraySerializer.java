package io.eddy.core.internal.types.serializers;

import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import io.eddy.api.common.typeutils.TypeSerializer;
import java.io.IOException;

/** Serializes non-null {@code char[]} as a var-int length and the elements. */
public final class CharPrimitiveArraySerializer extends TypeSerializer<char[]> {
  private static final long serialVersionUID = 1L;

  /** The shared instance; the serializer is stateless. */
  public static final CharPrimitiveArraySerializer INSTANCE = new CharPrimitiveArraySerializer();

  private CharPrimitiveArraySerializer() {}

  @Override
  public void serialize(char[] value, DataOutputView out) throws IOException {
    out.writeVarInt(value.length);
    for (char v : value) {
      out.writeChar(v);
    }
  }

  @Override
  public char[] deserialize(DataInputView in) throws IOException {
    char[] value = new char[in.readVarInt()];
    for (int i = 0; i < value.length; i++) {
      value[i] = in.readChar();
    }
    return value;
  }

  @Override
  public char[] copy(char[] value) {
    return value.clone();
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
