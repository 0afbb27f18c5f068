package io.eddy.runtime.gateway;

import io.eddy.runtime.snapshot.SnapshotType;
import java.util.concurrent.CompletableFuture;

/**
 * How the JobManager talks to a TaskManager. Every method returns at once; the work runs on the
 * TaskManager. In the embedded cluster calls are in-JVM; across processes they are RPCs.
 */
public interface TaskExecutorGateway {
  String getLocation();

  /** Starts a subtask attempt in a free slot of this TaskManager. */
  CompletableFuture<Void> submitTask(TaskDeploymentDescriptor tdd, JobMasterGateway jobMaster);

  CompletableFuture<Void> cancelTask(String attemptId);

  /** Delivers a coordinator's event to the source operator of a running attempt. */
  CompletableFuture<Void> sendOperatorEvent(String attemptId, OperatorEvent event);

  /**
   * Starts checkpoint {@code checkpointId} at a source subtask (or at one whose input ended): it
   * snapshots its state and sends the barrier downstream.
   */
  CompletableFuture<Void> triggerCheckpoint(
      String attemptId, long checkpointId, long timestamp, SnapshotType type);

  /**
   * Checkpoint {@code checkpointId} completed. If it is the job's final checkpoint, subtasks
   * waiting at the end of their input finish.
   */
  CompletableFuture<Void> notifyCheckpointComplete(
      String attemptId, long checkpointId, boolean finalCheckpoint);

  CompletableFuture<Void> notifyCheckpointAborted(String attemptId, long checkpointId);

  /**
   * Checkpoint {@code checkpointId} is still aligning after the alignment timeout: the subtask
   * turns it unaligned (unaligned checkpoints with an alignment timeout only).
   */
  CompletableFuture<Void> alignmentTimedOut(String attemptId, long checkpointId, long timestamp);

  /** The job's attempts here are gone (it restarts, or ended): drop their result partitions. */
  CompletableFuture<Void> releaseJob(String jobId);

  /** The job ended for good: drop its partitions and the code fetched for it. */
  CompletableFuture<Void> jobEnded(String jobId);
}
