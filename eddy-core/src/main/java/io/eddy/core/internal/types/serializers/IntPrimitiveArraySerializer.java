package io.eddy.core.internal.types.serializers;

import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import io.eddy.api.common.typeutils.TypeSerializer;
import java.io.IOException;

/** Serializes non-null {@code int[]} as a var-int length and the elements. */
public final class IntPrimitiveArraySerializer extends TypeSerializer<int[]> {
  private static final long serialVersionUID = 1L;

  /** The shared instance; the serializer is stateless. */
  public static final IntPrimitiveArraySerializer INSTANCE = new IntPrimitiveArraySerializer();

  private IntPrimitiveArraySerializer() {}

  @Override
  public void serialize(int[] value, DataOutputView out) throws IOException {
    out.writeVarInt(value.length);
    for (int v : value) {
      out.writeInt(v);
    }
  }

  @Override
  public int[] deserialize(DataInputView in) throws IOException {
    int[] value = new int[in.readVarInt()];
    for (int i = 0; i < value.length; i++) {
      value[i] = in.readInt();
    }
    return value;
  }

  @Override
  public int[] copy(int[] value) {
    return value.clone();
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
