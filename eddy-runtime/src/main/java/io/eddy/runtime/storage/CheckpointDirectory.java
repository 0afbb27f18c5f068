package io.eddy.runtime.storage;

import java.nio.file.Path;

/** The directory of a checkpoint attempt; it is complete once it has a {@code _metadata} file. */
public record CheckpointDirectory(long checkpointId, Path directory) {
  public Path metadataFile() {
    return directory.resolve(FsCheckpointStorage.METADATA_FILE);
  }
}
