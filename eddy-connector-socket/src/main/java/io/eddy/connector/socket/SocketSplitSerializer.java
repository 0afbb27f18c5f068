package io.eddy.connector.socket;

import io.eddy.api.common.io.SimpleVersionedSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Version 1: host (modified UTF-8), port (int). */
public final class SocketSplitSerializer implements SimpleVersionedSerializer<SocketSplit> {
  private static final long serialVersionUID = 1L;
  private static final int VERSION = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(SocketSplit split) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeUTF(split.host());
    out.writeInt(split.port());
    out.flush();
    return bytes.toByteArray();
  }

  @Override
  public SocketSplit deserialize(int version, byte[] serialized) throws IOException {
    if (version != VERSION) {
      throw new IOException("Unknown SocketSplit serializer version: " + version);
    }
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized));
    return new SocketSplit(in.readUTF(), in.readInt());
  }
}
