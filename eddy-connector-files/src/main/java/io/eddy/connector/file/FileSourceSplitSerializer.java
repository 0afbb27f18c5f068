package io.eddy.connector.file;

import io.eddy.api.annotation.PublicEvolving;
import io.eddy.api.connector.source.VersionedSplitSerializer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Version 1: path (modified UTF-8), start, end, position (longs). */
@PublicEvolving
public final class FileSourceSplitSerializer extends VersionedSplitSerializer<FileSourceSplit> {
  private static final long serialVersionUID = 1L;

  public FileSourceSplitSerializer() {
    super("FileSourceSplit", 1);
  }

  @Override
  protected void write(FileSourceSplit split, DataOutputStream out) throws IOException {
    out.writeUTF(split.path());
    out.writeLong(split.start());
    out.writeLong(split.end());
    out.writeLong(split.position());
  }

  @Override
  protected FileSourceSplit read(int version, DataInputStream in) throws IOException {
    return new FileSourceSplit(in.readUTF(), in.readLong(), in.readLong(), in.readLong());
  }

  @Override
  protected int sizeHint(FileSourceSplit split) {
    return 64 + split.path().length();
  }
}
