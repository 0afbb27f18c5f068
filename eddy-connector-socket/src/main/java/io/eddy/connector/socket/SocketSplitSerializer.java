package io.eddy.connector.socket;

import io.eddy.api.annotation.PublicEvolving;
import io.eddy.api.connector.source.VersionedSplitSerializer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Version 1: host (modified UTF-8), port (int). */
@PublicEvolving
public final class SocketSplitSerializer extends VersionedSplitSerializer<SocketSplit> {
  private static final long serialVersionUID = 1L;

  public SocketSplitSerializer() {
    super("SocketSplit", 1);
  }

  @Override
  protected void write(SocketSplit split, DataOutputStream out) throws IOException {
    out.writeUTF(split.host());
    out.writeInt(split.port());
  }

  @Override
  protected SocketSplit read(int version, DataInputStream in) throws IOException {
    return new SocketSplit(in.readUTF(), in.readInt());
  }
}
