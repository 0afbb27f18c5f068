package io.eddy.api.connector.source;

import io.eddy.api.annotation.PublicEvolving;
import io.eddy.api.common.io.SimpleVersionedSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The base of split serializers: a subclass writes a split's fields to a {@link DataOutputStream}
 * and reads them back for each version it knows; this class owns the byte arrays and the version
 * check.
 *
 * <p>Versions count up from 1. {@link #deserialize} accepts every version from 1 to the current one
 * and hands it to {@link #read}, so that a subclass that changes its format keeps reading the
 * splits that older checkpoints hold; any other version fails with "Unknown &lt;split&gt;
 * serializer version".
 *
 * <p>Threading: stateless, so one instance may serve every thread.
 *
 * @param <SplitT> the split type
 */
@PublicEvolving
public abstract class VersionedSplitSerializer<SplitT>
    implements SimpleVersionedSerializer<SplitT> {
  private static final long serialVersionUID = 1L;

  private final String splitName;
  private final int version;

  /**
   * @param splitName the split's name in error messages
   * @param version the version that {@link #serialize} writes, at least 1
   */
  protected VersionedSplitSerializer(String splitName, int version) {
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1: " + version);
    }
    this.splitName = splitName;
    this.version = version;
  }

  /** Writes {@code split} in the current version's format. */
  protected abstract void write(SplitT split, DataOutputStream out) throws IOException;

  /** Reads a split that was written in {@code version}'s format (1 to the current version). */
  protected abstract SplitT read(int version, DataInputStream in) throws IOException;

  /** The expected size in bytes of {@code split}, to size the buffer (it grows if needed). */
  protected int sizeHint(SplitT split) {
    return 32;
  }

  @Override
  public final int getVersion() {
    return version;
  }

  @Override
  public final byte[] serialize(SplitT split) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(sizeHint(split));
    DataOutputStream out = new DataOutputStream(bytes);
    write(split, out);
    out.flush();
    return bytes.toByteArray();
  }

  @Override
  public final SplitT deserialize(int version, byte[] serialized) throws IOException {
    if (version < 1 || version > this.version) {
      throw new IOException("Unknown " + splitName + " serializer version: " + version);
    }
    return read(version, new DataInputStream(new ByteArrayInputStream(serialized)));
  }
}
