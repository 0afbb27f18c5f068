package io.eddy.runtime.checkpoint;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What the checkpoint coordinator needs to know of the job it checkpoints (JobMaster thread). */
public interface CheckpointParticipants {
  /**
   * One running subtask attempt.
   *
   * @param trigger how to reach it (the JobMaster binds this to the attempt's TaskManager)
   * @param hasNetworkInput whether it gets barriers from upstream (else it is triggered directly)
   */
  record Subtask(String attemptId, SubtaskCheckpointTrigger trigger, boolean hasNetworkInput) {}

  /** The current attempts of all subtasks, or null if not all of them are running. */
  List<Subtask> runningSubtasks();

  /** The operators of the job: id, parallelism, max parallelism. */
  List<OperatorInfo> operators();

  /** An operator of the job and, if it has a coordinator, how to snapshot it. */
  record OperatorInfo(
      String operatorId, int parallelism, int maxParallelism, CoordinatorCheckpoints coordinator) {}

  /** The checkpoint hooks of an operator coordinator (a source's split enumerator). */
  interface CoordinatorCheckpoints {
    /** Snapshots the coordinator; completes with its serialized state. */
    CompletableFuture<byte[]> snapshotState(long checkpointId);

    void notifyCheckpointComplete(long checkpointId);
  }

  /** Runs {@code action} on the JobMaster thread. */
  void runOnMainThread(Runnable action);

  /** The job must fail: too many checkpoints failed in a row. */
  void failJob(Throwable cause);
}
