package io.eddy.runtime.storage;

import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.snapshot.StateFileHandle;
import java.util.List;
import java.util.Optional;

/**
 * What a completed checkpoint consists of; stored as the {@code _metadata} file of its directory
 * (see {@link CheckpointMetadataFormat}).
 *
 * @param timestamp when the checkpoint was triggered, milliseconds since the epoch
 */
public record CheckpointMetadata(
    long checkpointId,
    long timestamp,
    List<StateFileHandle> stateFiles,
    List<OperatorInfo> operators,
    boolean savepoint) {
  public CheckpointMetadata {
    stateFiles = List.copyOf(stateFiles);
    operators = List.copyOf(operators);
  }

  /** A checkpoint of state files only (no operator information). */
  public CheckpointMetadata(long checkpointId, long timestamp, List<StateFileHandle> stateFiles) {
    this(checkpointId, timestamp, stateFiles, List.of(), false);
  }

  /** The information on {@code operatorId}, if the checkpoint has its state. */
  public Optional<OperatorInfo> operator(String operatorId) {
    return operators.stream().filter(o -> o.operatorId().equals(operatorId)).findFirst();
  }

  /** The operator (non-keyed) state files of {@code operatorId}, by old subtask. */
  public List<StateFileHandle> operatorStateFiles(String operatorId) {
    return stateFiles.stream()
        .filter(f -> f.operatorId().equals(operatorId) && f.keyGroupRange().size() == 0)
        .toList();
  }

  /**
   * One operator whose state the checkpoint holds.
   *
   * @param parallelism the operator's parallelism when the checkpoint was taken
   * @param maxParallelism its number of key groups
   * @param coordinatorState the serialized state of its coordinator (a source's split enumerator),
   *     or null if it has none
   */
  public record OperatorInfo(
      String operatorId, int parallelism, int maxParallelism, byte[] coordinatorState) {}

  /**
   * The state files of {@code operatorId} holding key groups of {@code range}: what a subtask
   * owning {@code range} restores, whatever the parallelism the checkpoint was taken at.
   */
  public List<StateFileHandle> stateFilesOverlapping(String operatorId, KeyGroupRange range) {
    return stateFiles.stream()
        .filter(f -> f.operatorId().equals(operatorId) && f.keyGroupRange().size() > 0)
        .filter(
            f ->
                Math.max(f.keyGroupRange().start(), range.start())
                    <= Math.min(f.keyGroupRange().end(), range.end()))
        .toList();
  }
}
