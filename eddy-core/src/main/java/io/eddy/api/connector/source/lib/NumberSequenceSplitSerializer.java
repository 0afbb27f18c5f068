package io.eddy.api.connector.source.lib;

import io.eddy.api.annotation.PublicEvolving;
import io.eddy.api.connector.source.VersionedSplitSerializer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Version 1: split id (modified UTF-8), from (long), to (long). */
@PublicEvolving
public final class NumberSequenceSplitSerializer
    extends VersionedSplitSerializer<NumberSequenceSplit> {
  private static final long serialVersionUID = 1L;

  public NumberSequenceSplitSerializer() {
    super("NumberSequenceSplit", 1);
  }

  @Override
  protected void write(NumberSequenceSplit split, DataOutputStream out) throws IOException {
    out.writeUTF(split.splitId());
    out.writeLong(split.from());
    out.writeLong(split.to());
  }

  @Override
  protected NumberSequenceSplit read(int version, DataInputStream in) throws IOException {
    return new NumberSequenceSplit(in.readUTF(), in.readLong(), in.readLong());
  }
}
