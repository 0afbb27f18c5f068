package io.eddy.runtime.storage;

import java.io.IOException;

/** A {@code _metadata} file that cannot be read: truncated, corrupt or of an unknown version. */
public final class CorruptCheckpointMetadataException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String location;

  public CorruptCheckpointMetadataException(String location, String reason, Throwable cause) {
    super("Unreadable checkpoint metadata " + location + ": " + reason, cause);
    this.location = location;
  }

  /** The metadata file's location. */
  public String getLocation() {
    return location;
  }
}
