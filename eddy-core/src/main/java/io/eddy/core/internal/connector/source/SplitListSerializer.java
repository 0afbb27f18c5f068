package io.eddy.core.internal.connector.source;

import io.eddy.api.annotation.Internal;
import io.eddy.api.common.io.SimpleVersionedSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Serializes a list of splits (an enumerator checkpoint) with a split serializer.
 *
 * <p>Format, version 1: split serializer version (int), count (int), then per split its length
 * (int) and bytes.
 *
 * @param <SplitT> the split type
 */
@Internal
public final class SplitListSerializer<SplitT> implements SimpleVersionedSerializer<List<SplitT>> {
  private static final long serialVersionUID = 1L;
  private static final int VERSION = 1;

  private final SimpleVersionedSerializer<SplitT> splitSerializer;

  public SplitListSerializer(SimpleVersionedSerializer<SplitT> splitSerializer) {
    this.splitSerializer = splitSerializer;
  }

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(List<SplitT> splits) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(splitSerializer.getVersion());
    out.writeInt(splits.size());
    for (SplitT split : splits) {
      byte[] serialized = splitSerializer.serialize(split);
      out.writeInt(serialized.length);
      out.write(serialized);
    }
    out.flush();
    return bytes.toByteArray();
  }

  @Override
  public List<SplitT> deserialize(int version, byte[] serialized) throws IOException {
    if (version != VERSION) {
      throw new IOException("Unknown split list serializer version: " + version);
    }
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized));
    int splitVersion = in.readInt();
    int count = in.readInt();
    List<SplitT> splits = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] split = new byte[in.readInt()];
      in.readFully(split);
      splits.add(splitSerializer.deserialize(splitVersion, split));
    }
    return splits;
  }
}
