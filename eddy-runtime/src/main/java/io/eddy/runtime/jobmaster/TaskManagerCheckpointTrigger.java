package io.eddy.runtime.jobmaster;

import io.eddy.runtime.checkpoint.SubtaskCheckpointTrigger;
import io.eddy.runtime.gateway.TaskExecutorGateway;
import io.eddy.runtime.snapshot.SnapshotType;
import java.util.concurrent.CompletableFuture;

/** The checkpoint coordinator's calls to a subtask, over the gateway of its TaskManager. */
record TaskManagerCheckpointTrigger(TaskExecutorGateway taskManager)
    implements SubtaskCheckpointTrigger {
  @Override
  public CompletableFuture<Void> triggerCheckpoint(
      String attemptId, long checkpointId, long timestamp, SnapshotType type) {
    return taskManager.triggerCheckpoint(attemptId, checkpointId, timestamp, type);
  }

  @Override
  public CompletableFuture<Void> notifyCheckpointComplete(
      String attemptId, long checkpointId, boolean finalCheckpoint) {
    return taskManager.notifyCheckpointComplete(attemptId, checkpointId, finalCheckpoint);
  }

  @Override
  public CompletableFuture<Void> notifyCheckpointAborted(String attemptId, long checkpointId) {
    return taskManager.notifyCheckpointAborted(attemptId, checkpointId);
  }

  @Override
  public CompletableFuture<Void> alignmentTimedOut(
      String attemptId, long checkpointId, long timestamp) {
    return taskManager.alignmentTimedOut(attemptId, checkpointId, timestamp);
  }
}
