package io.eddy.runtime.checkpoint.storage;

import java.util.List;

/**
 * What a completed checkpoint consists of; stored as the {@code _metadata} file of its directory
 * (see {@link CheckpointMetadataFormat}).
 *
 * @param timestamp when the checkpoint was triggered, milliseconds since the epoch
 */
public record CheckpointMetadata(
    long checkpointId, long timestamp, List<StateFileHandle> stateFiles) {
  public CheckpointMetadata {
    stateFiles = List.copyOf(stateFiles);
  }
}
