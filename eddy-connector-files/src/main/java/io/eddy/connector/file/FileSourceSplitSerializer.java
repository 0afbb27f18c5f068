package io.eddy.connector.file;

import io.eddy.api.common.io.SimpleVersionedSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Version 1: path (modified UTF-8), start, end, position (longs). */
public final class FileSourceSplitSerializer implements SimpleVersionedSerializer<FileSourceSplit> {
  private static final long serialVersionUID = 1L;
  private static final int VERSION = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(FileSourceSplit split) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + split.path().length());
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeUTF(split.path());
    out.writeLong(split.start());
    out.writeLong(split.end());
    out.writeLong(split.position());
    out.flush();
    return bytes.toByteArray();
  }

  @Override
  public FileSourceSplit deserialize(int version, byte[] serialized) throws IOException {
    if (version != VERSION) {
      throw new IOException("Unknown FileSourceSplit serializer version: " + version);
    }
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized));
    return new FileSourceSplit(in.readUTF(), in.readLong(), in.readLong(), in.readLong());
  }
}
