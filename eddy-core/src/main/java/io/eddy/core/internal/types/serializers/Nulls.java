package io.eddy.core.internal.types.serializers;

import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import io.eddy.api.common.typeutils.TypeSerializer;
import java.io.IOException;

/**
 * Writes possibly-null elements of containers: a presence byte before each value, unless the
 * element serializer {@link TypeSerializer#acceptsNull() handles null} itself.
 */
final class Nulls {
  private Nulls() {}

  static <T> void write(TypeSerializer<T> serializer, T value, DataOutputView out)
      throws IOException {
    if (serializer.acceptsNull()) {
      serializer.serialize(value, out);
    } else if (value == null) {
      out.writeBoolean(false);
    } else {
      out.writeBoolean(true);
      serializer.serialize(value, out);
    }
  }

  static <T> T read(TypeSerializer<T> serializer, DataInputView in) throws IOException {
    if (serializer.acceptsNull() || in.readBoolean()) {
      return serializer.deserialize(in);
    }
    return null;
  }

  static <T> T copy(TypeSerializer<T> serializer, T value) {
    return value == null ? null : serializer.copy(value);
  }
}
