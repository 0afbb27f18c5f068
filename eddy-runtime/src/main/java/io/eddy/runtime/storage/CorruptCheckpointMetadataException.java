package io.eddy.runtime.storage;

import java.io.IOException;
import java.nio.file.Path;

/** A {@code _metadata} file that cannot be read: truncated, corrupt or of an unknown version. */
public final class CorruptCheckpointMetadataException extends IOException {
  private static final long serialVersionUID = 1L;

  private final Path path;

  public CorruptCheckpointMetadataException(Path path, String reason, Throwable cause) {
    super("Unreadable checkpoint metadata " + path + ": " + reason, cause);
    this.path = path;
  }

  public Path getPath() {
    return path;
  }
}
