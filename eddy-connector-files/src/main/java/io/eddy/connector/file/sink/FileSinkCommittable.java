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
 * A closed part file waiting for its checkpoint to complete: committing renames the hidden
 * in-progress file to its visible final name.
 *
 * @param inProgressFile absolute path of the closed, hidden file
 * @param finalFile absolute path it gets when committed
 */
@PublicEvolving
public record FileSinkCommittable(String inProgressFile, String finalFile) {

  public Path inProgressPath() {
    return Path.of(inProgressFile);
  }

  public Path finalPath() {
    return Path.of(finalFile);
  }

  /** Version 1: the two paths as modified UTF-8. */
  public static final class Serializer implements SimpleVersionedSerializer<FileSinkCommittable> {
    private static final long serialVersionUID = 1L;

    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(FileSinkCommittable c) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeUTF(c.inProgressFile);
        out.writeUTF(c.finalFile);
      }
      return bytes.toByteArray();
    }

    @Override
    public FileSinkCommittable deserialize(int version, byte[] serialized) throws IOException {
      if (version != 1) {
        throw new IOException("Unknown version " + version + " of a file sink committable.");
      }
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
        return new FileSinkCommittable(in.readUTF(), in.readUTF());
      }
    }
  }
}
