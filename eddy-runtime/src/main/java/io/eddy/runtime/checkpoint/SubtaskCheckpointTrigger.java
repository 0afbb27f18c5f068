package io.eddy.runtime.checkpoint;

import io.eddy.runtime.snapshot.SnapshotType;
import java.util.concurrent.CompletableFuture;

/**
 * How the checkpoint coordinator reaches the subtasks of its job: start a checkpoint, tell its
 * outcome, turn an alignment unaligned. The JobMaster adapts it to the TaskManagers' gateways.
 *
 * <p>Called on the JobMaster's main thread. No method blocks: each sends a message to the subtask's
 * TaskManager, which runs it as a mail of the task.
 *
 * <p>Futures complete when the TaskManager took the message, exceptionally if it could not be
 * delivered. The coordinator does not wait for them: a subtask that never answers leaves its
 * checkpoint pending until it times out or the subtask's failure aborts it.
 */
public interface SubtaskCheckpointTrigger {
  /**
   * Starts checkpoint {@code checkpointId} at a source subtask (or at one whose input ended): it
   * snapshots its state and sends the barrier downstream.
   */
  CompletableFuture<Void> triggerCheckpoint(
      String attemptId, long checkpointId, long timestamp, SnapshotType type);

  /**
   * Checkpoint {@code checkpointId} completed; if it is the job's final checkpoint, subtasks
   * waiting at the end of their input finish.
   */
  CompletableFuture<Void> notifyCheckpointComplete(
      String attemptId, long checkpointId, boolean finalCheckpoint);

  CompletableFuture<Void> notifyCheckpointAborted(String attemptId, long checkpointId);

  /**
   * Checkpoint {@code checkpointId} is still aligning after the alignment timeout: the subtask
   * turns it unaligned.
   */
  CompletableFuture<Void> alignmentTimedOut(String attemptId, long checkpointId, long timestamp);
}
