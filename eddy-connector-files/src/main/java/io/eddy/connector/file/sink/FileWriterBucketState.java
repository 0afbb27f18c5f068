package io.eddy.connector.file.sink;

import io.eddy.api.annotation.PublicEvolving;
import io.eddy.api.common.io.SimpleVersionedSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A part file that was still open at a checkpoint: on restore its file system resumes it from
 * {@code resumeToken} (dropping what was written after the checkpoint) and writing goes on.
 *
 * @param bucketId the bucket the file belongs to
 * @param resumeToken the file system's token of the open file ({@link
 *     io.eddy.api.fs.RecoverableWriter.RecoverableStream#persist()})
 * @param finalFile the location it gets when committed
 * @param validLength bytes persisted at the checkpoint
 * @param creationTime processing time when the file was opened (for the rollover interval)
 */
@PublicEvolving
public record FileWriterBucketState(
    String bucketId, byte[] resumeToken, String finalFile, long validLength, long creationTime) {

  @Override
  public boolean equals(Object o) {
    return o instanceof FileWriterBucketState s
        && bucketId.equals(s.bucketId)
        && Arrays.equals(resumeToken, s.resumeToken)
        && finalFile.equals(s.finalFile)
        && validLength == s.validLength
        && creationTime == s.creationTime;
  }

  @Override
  public int hashCode() {
    return Objects.hash(bucketId, Arrays.hashCode(resumeToken), finalFile, validLength);
  }

  @Override
  public String toString() {
    return "FileWriterBucketState[" + bucketId + ", " + finalFile + ", " + validLength + " bytes]";
  }

  /** Version 2: bucketId, finalFile (modified UTF-8), the token, then the two longs. */
  public static final class Serializer implements SimpleVersionedSerializer<FileWriterBucketState> {
    private static final long serialVersionUID = 1L;

    @Override
    public int getVersion() {
      return 2;
    }

    @Override
    public byte[] serialize(FileWriterBucketState s) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeUTF(s.bucketId);
        out.writeUTF(s.finalFile);
        out.writeInt(s.resumeToken.length);
        out.write(s.resumeToken);
        out.writeLong(s.validLength);
        out.writeLong(s.creationTime);
      }
      return bytes.toByteArray();
    }

    @Override
    public FileWriterBucketState deserialize(int version, byte[] serialized) throws IOException {
      if (version != 2) {
        throw new IOException(
            "Unknown version "
                + version
                + " of a file sink writer state (this Eddy reads version 2; a savepoint of an"
                + " older version cannot resume its open part files)");
      }
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
        String bucketId = in.readUTF();
        String finalFile = in.readUTF();
        byte[] token = new byte[in.readInt()];
        in.readFully(token);
        return new FileWriterBucketState(bucketId, token, finalFile, in.readLong(), in.readLong());
      }
    }
  }
}
