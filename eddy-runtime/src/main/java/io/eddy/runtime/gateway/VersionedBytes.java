package io.eddy.runtime.gateway;

import io.eddy.api.common.io.SimpleVersionedSerializer;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Connector state in checkpoints (reader splits, enumerator checkpoints) as {@code version:int
 * bytes}: the serializer's version travels with the bytes, so that a later connector version can
 * still read them.
 */
public final class VersionedBytes {
  private VersionedBytes() {}

  public static <T> byte[] serialize(SimpleVersionedSerializer<T> serializer, T value)
      throws IOException {
    byte[] bytes = serializer.serialize(value);
    return ByteBuffer.allocate(4 + bytes.length).putInt(serializer.getVersion()).put(bytes).array();
  }

  public static <T> T deserialize(SimpleVersionedSerializer<T> serializer, byte[] versioned)
      throws IOException {
    if (versioned.length < 4) {
      throw new IOException("Truncated connector state (" + versioned.length + " bytes)");
    }
    ByteBuffer in = ByteBuffer.wrap(versioned);
    int version = in.getInt();
    byte[] bytes = new byte[in.remaining()];
    in.get(bytes);
    return serializer.deserialize(version, bytes);
  }
}
