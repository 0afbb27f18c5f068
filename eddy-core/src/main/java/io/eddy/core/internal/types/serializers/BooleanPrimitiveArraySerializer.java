package io.eddy.core.internal.types.serializers;

import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import io.eddy.api.common.typeutils.TypeSerializer;
import java.io.IOException;

/** Serializes non-null {@code boolean[]} as a var-int length and the elements. */
public final class BooleanPrimitiveArraySerializer extends TypeSerializer<boolean[]> {
  private static final long serialVersionUID = 1L;

  /** The shared instance; the serializer is stateless. */
  public static final BooleanPrimitiveArraySerializer INSTANCE =
      new BooleanPrimitiveArraySerializer();

  private BooleanPrimitiveArraySerializer() {}

  @Override
  public void serialize(boolean[] value, DataOutputView out) throws IOException {
    out.writeVarInt(value.length);
    for (boolean v : value) {
      out.writeBoolean(v);
    }
  }

  @Override
  public boolean[] deserialize(DataInputView in) throws IOException {
    boolean[] value = new boolean[in.readVarInt()];
    for (int i = 0; i < value.length; i++) {
      value[i] = in.readBoolean();
    }
    return value;
  }

  @Override
  public boolean[] copy(boolean[] value) {
    return value.clone();
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
