package io.eddy.api.connector.source.lib;

import io.eddy.api.common.io.SimpleVersionedSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Version 1: split id (modified UTF-8), from (long), to (long). */
public final class NumberSequenceSplitSerializer
    implements SimpleVersionedSerializer<NumberSequenceSplit> {
  private static final long serialVersionUID = 1L;
  private static final int VERSION = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(NumberSequenceSplit split) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeUTF(split.splitId());
    out.writeLong(split.from());
    out.writeLong(split.to());
    out.flush();
    return bytes.toByteArray();
  }

  @Override
  public NumberSequenceSplit deserialize(int version, byte[] serialized) throws IOException {
    if (version != VERSION) {
      throw new IOException("Unknown NumberSequenceSplit serializer version: " + version);
    }
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized));
    return new NumberSequenceSplit(in.readUTF(), in.readLong(), in.readLong());
  }
}
