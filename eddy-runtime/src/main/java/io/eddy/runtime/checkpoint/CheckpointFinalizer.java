package io.eddy.runtime.checkpoint;

import io.eddy.api.JobStatus;
import io.eddy.core.execution.CheckpointingOptions;
import io.eddy.runtime.gateway.CheckpointException;
import io.eddy.runtime.storage.CheckpointMetadata;
import io.eddy.runtime.storage.CheckpointStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends checkpoints in the storage and tells the job: a completed one gets its {@code _metadata}
 * written, its subtasks and coordinators notified and older checkpoints beyond the retained number
 * deleted; an aborted one has its attempt directory deleted and its subtasks notified; a savepoint
 * is copied to its target directory; when the job ends, its checkpoints are kept or deleted.
 * JobMaster thread only.
 */
final class CheckpointFinalizer {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointFinalizer.class);

  private final String jobName;
  private final CheckpointingOptions options;
  private final CheckpointStorage storage;
  private final CheckpointParticipants job;

  CheckpointFinalizer(
      String jobName,
      CheckpointingOptions options,
      CheckpointStorage storage,
      CheckpointParticipants job) {
    this.jobName = jobName;
    this.options = options;
    this.storage = storage;
    this.job = job;
  }

  /**
   * Writes the metadata of a fully acknowledged checkpoint: from now on it can be restored. Returns
   * the checkpoint's location.
   */
  String writeMetadata(PendingCheckpoint checkpoint) throws IOException {
    List<CheckpointMetadata.OperatorInfo> operators = new ArrayList<>();
    for (CheckpointParticipants.OperatorInfo op : job.operators()) {
      operators.add(
          new CheckpointMetadata.OperatorInfo(
              op.operatorId(),
              op.parallelism(),
              op.maxParallelism(),
              checkpoint.coordinatorStates().get(op.operatorId())));
    }
    return storage.completeCheckpoint(
        new CheckpointMetadata(
            checkpoint.checkpointId(),
            checkpoint.timestamp(),
            checkpoint.stateFiles(),
            operators,
            checkpoint.type().isSavepoint()));
  }

  /**
   * Tells the running subtasks and the coordinators that {@code checkpoint} completed, deletes
   * older checkpoints beyond the retained number and leftovers of aborted attempts, and completes
   * the checkpoint's future.
   *
   * @param stillPending the checkpoints in progress (their directories stay)
   */
  void notifyCompleted(PendingCheckpoint checkpoint, Set<Long> stillPending) {
    long id = checkpoint.checkpointId();
    List<CheckpointParticipants.Subtask> subtasks = job.runningSubtasks();
    if (subtasks != null) {
      for (CheckpointParticipants.Subtask s : subtasks) {
        s.trigger().notifyCheckpointComplete(s.attemptId(), id, checkpoint.isFinal());
      }
    }
    for (CheckpointParticipants.OperatorInfo op : job.operators()) {
      if (op.coordinator() != null) {
        op.coordinator().notifyCheckpointComplete(id);
      }
    }
    try {
      storage.retainLast(options.retainedCheckpoints());
      // attempts aborted while subtasks were still writing into them may have left files
      storage.deleteFailedAttempts(stillPending);
    } catch (IOException e) {
      LOG.warn("Could not delete old checkpoints of job '{}'", jobName, e);
    }
    checkpoint.completion().complete(id);
  }

  /**
   * Discards an aborted checkpoint: tells the running subtasks (if {@code notifySubtasks}), deletes
   * its attempt directory and fails its future.
   */
  void discard(PendingCheckpoint checkpoint, String reason, boolean notifySubtasks) {
    long id = checkpoint.checkpointId();
    LOG.warn("Checkpoint {} of job '{}' aborted: {}", id, jobName, reason);
    List<CheckpointParticipants.Subtask> subtasks = notifySubtasks ? job.runningSubtasks() : null;
    if (subtasks != null) {
      for (CheckpointParticipants.Subtask s : subtasks) {
        s.trigger().notifyCheckpointAborted(s.attemptId(), id);
      }
    }
    try {
      storage.discardAttempt(id, checkpoint.stateFiles());
    } catch (IOException e) {
      LOG.warn("Could not delete aborted checkpoint {}: {}", id, e.getMessage());
    }
    checkpoint
        .completion()
        .completeExceptionally(new CheckpointException("Checkpoint " + id + " aborted: " + reason));
  }

  /**
   * Copies completed checkpoint {@code checkpointId} into {@code targetDirectory} as a savepoint.
   */
  String copyToSavepoint(long checkpointId, String targetDirectory) {
    String target;
    try {
      target = storage.copyToSavepoint(checkpointId, targetDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not write the savepoint to " + targetDirectory + ": " + e.getMessage(), e);
    }
    LOG.info("Savepoint of job {} written to {}", jobName, target);
    return target;
  }

  /**
   * The job ended: a finished job's checkpoints are deleted, as are a cancelled job's unless they
   * are retained on cancellation; a failed job's stay for a manual restore.
   */
  void jobEnded(JobStatus finalStatus) {
    boolean discard =
        finalStatus == JobStatus.FINISHED
            || (finalStatus == JobStatus.CANCELED && !options.retainOnCancel());
    if (discard) {
      try {
        storage.discardAll();
      } catch (IOException e) {
        LOG.warn("Could not delete the checkpoints of job '{}'", jobName, e);
      }
    }
  }
}
