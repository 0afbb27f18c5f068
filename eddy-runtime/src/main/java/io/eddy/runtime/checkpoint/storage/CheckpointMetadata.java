package io.eddy.runtime.checkpoint.storage;

import io.eddy.runtime.state.KeyGroupRange;
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

  /**
   * The state files of {@code operatorId} holding key groups of {@code range}: what a subtask
   * owning {@code range} restores, whatever the parallelism the checkpoint was taken at.
   */
  public List<StateFileHandle> stateFilesOverlapping(String operatorId, KeyGroupRange range) {
    return stateFiles.stream()
        .filter(f -> f.operatorId().equals(operatorId))
        .filter(
            f ->
                Math.max(f.keyGroupRange().start(), range.start())
                    <= Math.min(f.keyGroupRange().end(), range.end()))
        .toList();
  }
}
