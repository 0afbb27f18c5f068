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
 * A closed part file waiting for its checkpoint to complete: committing makes it visible at its
 * final location (a rename, or the completion of an object store's upload).
 *
 * @param commitToken the file system's token ({@link
 *     io.eddy.api.fs.RecoverableWriter.RecoverableStream#closeForCommit()})
 * @param finalFile the location it gets when committed
 */
@PublicEvolving
public record FileSinkCommittable(byte[] commitToken, String finalFile) {

  @Override
  public boolean equals(Object o) {
    return o instanceof FileSinkCommittable c
        && Arrays.equals(commitToken, c.commitToken)
        && finalFile.equals(c.finalFile);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(commitToken), finalFile);
  }

  @Override
  public String toString() {
    return "FileSinkCommittable[" + finalFile + "]";
  }

  /** Version 2: the final location as modified UTF-8, then the token. */
  public static final class Serializer implements SimpleVersionedSerializer<FileSinkCommittable> {
    private static final long serialVersionUID = 1L;

    @Override
    public int getVersion() {
      return 2;
    }

    @Override
    public byte[] serialize(FileSinkCommittable c) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeUTF(c.finalFile);
        out.writeInt(c.commitToken.length);
        out.write(c.commitToken);
      }
      return bytes.toByteArray();
    }

    @Override
    public FileSinkCommittable deserialize(int version, byte[] serialized) throws IOException {
      if (version != 2) {
        throw new IOException(
            "Unknown version "
                + version
                + " of a file sink committable (this Eddy reads version 2; a savepoint of an"
                + " older version cannot commit its pending part files)");
      }
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
        String finalFile = in.readUTF();
        byte[] token = new byte[in.readInt()];
        in.readFully(token);
        return new FileSinkCommittable(token, finalFile);
      }
    }
  }
}
