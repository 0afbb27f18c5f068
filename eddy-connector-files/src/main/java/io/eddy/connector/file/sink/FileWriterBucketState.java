package io.eddy.connector.file.sink;

import io.eddy.api.annotation.PublicEvolving;
import io.eddy.api.common.io.SimpleVersionedSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A part file that was still open at a checkpoint: on restore it is cut back to {@code validLength}
 * (dropping what was written after the checkpoint) and written on (a "resumable" file).
 *
 * @param bucketId the bucket the file belongs to
 * @param inProgressFile absolute path of the hidden file
 * @param finalFile absolute path it gets when committed
 * @param validLength bytes flushed and synced at the checkpoint
 * @param creationTime processing time when the file was opened (for the rollover interval)
 */
@PublicEvolving
public record FileWriterBucketState(
    String bucketId, String inProgressFile, String finalFile, long validLength, long creationTime) {

  public Path inProgressPath() {
    return Path.of(inProgressFile);
  }

  /** Version 1: bucketId, inProgressFile, finalFile as modified UTF-8, then the two longs. */
  public static final class Serializer implements SimpleVersionedSerializer<FileWriterBucketState> {
    private static final long serialVersionUID = 1L;

    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(FileWriterBucketState s) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeUTF(s.bucketId);
        out.writeUTF(s.inProgressFile);
        out.writeUTF(s.finalFile);
        out.writeLong(s.validLength);
        out.writeLong(s.creationTime);
      }
      return bytes.toByteArray();
    }

    @Override
    public FileWriterBucketState deserialize(int version, byte[] serialized) throws IOException {
      if (version != 1) {
        throw new IOException("Unknown version " + version + " of a file sink writer state.");
      }
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
        return new FileWriterBucketState(
            in.readUTF(), in.readUTF(), in.readUTF(), in.readLong(), in.readLong());
      }
    }
  }
}
