package io.eddy.api.connector.source.lib;

import io.eddy.api.annotation.PublicEvolving;
import io.eddy.api.connector.source.VersionedSplitSerializer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Version 1: the position (int). */
@PublicEvolving
public final class FromElementsSplitSerializer extends VersionedSplitSerializer<FromElementsSplit> {
  private static final long serialVersionUID = 1L;

  public FromElementsSplitSerializer() {
    super("FromElementsSplit", 1);
  }

  @Override
  protected void write(FromElementsSplit split, DataOutputStream out) throws IOException {
    out.writeInt(split.position());
  }

  @Override
  protected FromElementsSplit read(int version, DataInputStream in) throws IOException {
    return new FromElementsSplit(in.readInt());
  }

  @Override
  protected int sizeHint(FromElementsSplit split) {
    return 4;
  }
}
