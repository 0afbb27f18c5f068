package io.eddy.api.connector.source.lib;

import io.eddy.api.common.io.SimpleVersionedSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Version 1: the position (int). */
public final class FromElementsSplitSerializer
    implements SimpleVersionedSerializer<FromElementsSplit> {
  private static final long serialVersionUID = 1L;
  private static final int VERSION = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(FromElementsSplit split) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(4);
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(split.position());
    out.flush();
    return bytes.toByteArray();
  }

  @Override
  public FromElementsSplit deserialize(int version, byte[] serialized) throws IOException {
    if (version != VERSION) {
      throw new IOException("Unknown FromElementsSplit serializer version: " + version);
    }
    return new FromElementsSplit(
        new DataInputStream(new ByteArrayInputStream(serialized)).readInt());
  }
}
