package io.eddy.runtime.checkpoint;

import io.eddy.runtime.snapshot.SnapshotType;
import io.eddy.runtime.snapshot.StateFileHandle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A checkpoint that was triggered and waits for the acknowledgements of its subtasks. JobMaster
 * thread only.
 */
final class PendingCheckpoint {
  private final long checkpointId;
  private final long timestamp;
  private final SnapshotType type;
  private final boolean finalCheckpoint;
  private final Set<String> notYetAcknowledged;
  private final Set<String> triggered = new HashSet<>();
  private final List<StateFileHandle> stateFiles = new ArrayList<>();
  private final Map<String, byte[]> coordinatorStates = new HashMap<>();
  private final CompletableFuture<Long> completion = new CompletableFuture<>();

  PendingCheckpoint(
      long checkpointId,
      long timestamp,
      SnapshotType type,
      boolean finalCheckpoint,
      Set<String> subtasksToAcknowledge) {
    this.checkpointId = checkpointId;
    this.timestamp = timestamp;
    this.type = type;
    this.finalCheckpoint = finalCheckpoint;
    this.notYetAcknowledged = new HashSet<>(subtasksToAcknowledge);
  }

  long checkpointId() {
    return checkpointId;
  }

  long timestamp() {
    return timestamp;
  }

  SnapshotType type() {
    return type;
  }

  boolean isFinal() {
    return finalCheckpoint;
  }

  /** Completes with the checkpoint id when it completed, exceptionally when it was aborted. */
  CompletableFuture<Long> completion() {
    return completion;
  }

  /** Whether {@code attemptId} was triggered directly (so it is not triggered twice). */
  boolean markTriggered(String attemptId) {
    return triggered.add(attemptId);
  }

  boolean awaits(String attemptId) {
    return notYetAcknowledged.contains(attemptId);
  }

  /** Records a subtask's state files; returns false for an unexpected or repeated ack. */
  boolean acknowledge(String attemptId, List<StateFileHandle> files) {
    if (!notYetAcknowledged.remove(attemptId)) {
      return false;
    }
    stateFiles.addAll(files);
    return true;
  }

  void addCoordinatorState(String operatorId, byte[] state) {
    coordinatorStates.put(operatorId, state);
  }

  boolean isFullyAcknowledged() {
    return notYetAcknowledged.isEmpty();
  }

  List<StateFileHandle> stateFiles() {
    return stateFiles;
  }

  Map<String, byte[]> coordinatorStates() {
    return coordinatorStates;
  }
}
