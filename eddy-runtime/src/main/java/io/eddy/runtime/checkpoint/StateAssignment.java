package io.eddy.runtime.checkpoint;

import io.eddy.runtime.keygroup.KeyGroupRangeAssignment;
import io.eddy.runtime.snapshot.ChannelState;
import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.snapshot.RestoredState;
import io.eddy.runtime.snapshot.StateFileHandle;
import io.eddy.runtime.storage.CheckpointMetadata;
import io.eddy.runtime.storage.StateLocations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Hands the state of a completed checkpoint or savepoint to the subtasks of a job, at whatever
 * parallelism they run now: each subtask gets the keyed state files that overlap its key groups and
 * all operator state files of its operators (it redistributes list and union state itself).
 */
public final class StateAssignment {
  private final CheckpointMetadata metadata;
  private final String directory;

  /**
   * @param directory the checkpoint's location (its files are named relative to it)
   */
  public StateAssignment(CheckpointMetadata metadata, String directory) {
    this.metadata = metadata;
    this.directory = directory;
  }

  public CheckpointMetadata metadata() {
    return metadata;
  }

  public String directory() {
    return directory;
  }

  /**
   * Checks that the job can take this state: the same max parallelism for every operator it has
   * state of and, unless {@code allowNonRestoredState}, an operator for every state in it.
   *
   * @param operators the job's operators (id, parallelism, max parallelism)
   * @throws IllegalStateException naming the snapshot and the operator otherwise
   */
  public void check(
      List<CheckpointParticipants.OperatorInfo> operators, boolean allowNonRestoredState) {
    Set<String> claimed = new HashSet<>();
    for (CheckpointParticipants.OperatorInfo op : operators) {
      metadata
          .operator(op.operatorId())
          .ifPresent(
              old -> {
                claimed.add(old.operatorId());
                if (old.maxParallelism() != op.maxParallelism()) {
                  throw new IllegalStateException(
                      "Cannot restore operator '"
                          + op.operatorId()
                          + "' from "
                          + directory
                          + ": its max parallelism changed from "
                          + old.maxParallelism()
                          + " to "
                          + op.maxParallelism()
                          + " (key groups cannot be split differently).");
                }
              });
    }
    List<String> unclaimed = new ArrayList<>();
    for (CheckpointMetadata.OperatorInfo old : metadata.operators()) {
      boolean hasState =
          old.coordinatorState() != null
              || metadata.stateFiles().stream()
                  .anyMatch(
                      f ->
                          f.operatorId().equals(old.operatorId())
                              || f.operatorId().equals(ChannelState.stateId(old.operatorId())));
      if (hasState && !claimed.contains(old.operatorId())) {
        unclaimed.add(old.operatorId());
      }
    }
    if (!unclaimed.isEmpty() && !allowNonRestoredState) {
      throw new IllegalStateException(
          "The snapshot "
              + directory
              + " has state of operators the job does not have: "
              + unclaimed
              + ". Give the operators the same uid as before, or allow non-restored state.");
    }
  }

  /** What operator {@code operatorId}'s subtask {@code subtask} of {@code parallelism} restores. */
  public RestoredState forSubtask(
      String operatorId, int subtask, int parallelism, int maxParallelism) {
    KeyGroupRange range =
        KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
            maxParallelism, parallelism, subtask);
    int previousParallelism =
        metadata.operator(operatorId).map(CheckpointMetadata.OperatorInfo::parallelism).orElse(0);
    List<String> keyed = new ArrayList<>();
    for (StateFileHandle f : metadata.stateFilesOverlapping(operatorId, range)) {
      keyed.add(StateLocations.location(directory, f));
    }
    List<RestoredState.SubtaskFile> operatorFiles = new ArrayList<>();
    for (StateFileHandle f : metadata.operatorStateFiles(operatorId)) {
      operatorFiles.add(
          new RestoredState.SubtaskFile(f.subtaskIndex(), StateLocations.location(directory, f)));
    }
    // An operator new to the job still runs "restored" (e.g. sources must not start over).
    return new RestoredState(
        keyed, operatorFiles, previousParallelism > 0 ? previousParallelism : parallelism);
  }

  /**
   * The in-flight data file of subtask {@code subtask} of the task headed by {@code headOperatorId}
   * (unaligned checkpoints), or null.
   *
   * @throws IllegalStateException if there is in-flight data but the parallelism changed
   */
  public String channelStateFile(String headOperatorId, int subtask, int parallelism) {
    String id = ChannelState.stateId(headOperatorId);
    List<StateFileHandle> files =
        metadata.stateFiles().stream().filter(f -> f.operatorId().equals(id)).toList();
    if (files.isEmpty()) {
      return null;
    }
    int previous =
        metadata
            .operator(headOperatorId)
            .map(CheckpointMetadata.OperatorInfo::parallelism)
            .orElse(0);
    if (previous != parallelism) {
      throw new IllegalStateException(
          "The snapshot "
              + directory
              + " is an unaligned checkpoint with in-flight data for operator '"
              + headOperatorId
              + "' at parallelism "
              + previous
              + "; it can only be restored at the same parallelism, not "
              + parallelism
              + ". Take a savepoint (always aligned) to rescale.");
    }
    return files.stream()
        .filter(f -> f.subtaskIndex() == subtask)
        .map(f -> StateLocations.location(directory, f))
        .findFirst()
        .orElse(null);
  }

  /** The serialized state of operator {@code operatorId}'s coordinator, or null. */
  public byte[] coordinatorState(String operatorId) {
    return metadata
        .operator(operatorId)
        .map(CheckpointMetadata.OperatorInfo::coordinatorState)
        .orElse(null);
  }
}
