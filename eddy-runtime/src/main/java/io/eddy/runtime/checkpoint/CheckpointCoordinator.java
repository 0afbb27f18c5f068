package io.eddy.runtime.checkpoint;

import io.eddy.core.execution.CheckpointingOptions;
import io.eddy.runtime.gateway.CheckpointException;
import io.eddy.runtime.gateway.CheckpointStats;
import io.eddy.runtime.snapshot.ChannelState;
import io.eddy.runtime.snapshot.SnapshotType;
import io.eddy.runtime.snapshot.StateFileHandle;
import io.eddy.runtime.storage.CheckpointMetadata;
import io.eddy.runtime.storage.FsCheckpointStorage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a job's checkpoints (DESIGN.md §3): triggers them periodically (or on request, for
 * savepoints), snapshots the operator coordinators, then tells the source subtasks to emit
 * barriers; collects every subtask's acknowledgement with its state files; completes the checkpoint
 * by writing its metadata, and tells the subtasks and coordinators; aborts it on a decline or
 * timeout. Subtasks whose input ended are triggered directly, and once all have, the final
 * checkpoint lets them finish. JobMaster thread only, except the timer, which posts to it.
 *
 * <pre>
 * trigger ─▶ coordinators snapshot ─▶ sources triggered ─▶ acks ─▶ _metadata ─▶ notify complete
 *                                            └─ decline / timeout ─▶ abort (attempt deleted)
 * </pre>
 */
public final class CheckpointCoordinator {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointCoordinator.class);

  private final String jobName;
  private final CheckpointingOptions options;
  private final FsCheckpointStorage storage;
  private final CheckpointParticipants job;
  private final ScheduledExecutorService timer;
  private final TreeMap<Long, PendingCheckpoint> pending = new TreeMap<>();
  private final Set<String> inputEnded = new HashSet<>();
  private long nextCheckpointId;
  private long lastCompletionNanos = Long.MIN_VALUE;
  private int consecutiveFailures;
  private boolean finalTriggered;
  private boolean finalCompleted;
  private ScheduledFuture<?> periodic;
  private final java.util.ArrayDeque<CheckpointStats.Entry> history = new java.util.ArrayDeque<>();
  private long completedCount;
  private long failedCount;
  private static final int HISTORY_SIZE = 50;
  private boolean shutdown;

  /**
   * @param nextCheckpointId the id of the first checkpoint (above every id the job's storage
   *     already has, so that ids keep growing across restarts)
   */
  public CheckpointCoordinator(
      String jobName,
      CheckpointingOptions options,
      FsCheckpointStorage storage,
      CheckpointParticipants job,
      long nextCheckpointId) {
    this.jobName = jobName;
    this.options = options;
    this.storage = storage;
    this.job = job;
    this.nextCheckpointId = nextCheckpointId;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "checkpoint-timer-" + jobName);
              t.setDaemon(true);
              return t;
            });
  }

  public FsCheckpointStorage storage() {
    return storage;
  }

  /** Starts the periodic trigger (when all subtasks run; earlier ticks are skipped). */
  public void startPeriodic() {
    stopPeriodic();
    long interval = options.intervalMillis();
    periodic =
        timer.scheduleAtFixedRate(
            () -> job.runOnMainThread(this::triggerPeriodic),
            interval,
            interval,
            TimeUnit.MILLISECONDS);
  }

  public void stopPeriodic() {
    if (periodic != null) {
      periodic.cancel(false);
      periodic = null;
    }
  }

  private void triggerPeriodic() {
    if (shutdown || finalTriggered || pending.size() >= options.maxConcurrent()) {
      return;
    }
    if (lastCompletionNanos != Long.MIN_VALUE
        && System.nanoTime() - lastCompletionNanos < options.minPauseMillis() * 1_000_000) {
      return;
    }
    trigger(SnapshotType.CHECKPOINT, false);
  }

  /**
   * Takes a savepoint: a checkpoint copied to {@code targetDirectory}; completes with the
   * savepoint's path.
   */
  public CompletableFuture<String> triggerSavepoint(Path targetDirectory, SnapshotType type) {
    if (!type.isSavepoint()) {
      throw new IllegalArgumentException(type + " is not a savepoint");
    }
    return trigger(type, false)
        .thenApply(
            id -> {
              Path target =
                  targetDirectory.resolve(
                      "savepoint-" + storage.jobDirectory().getFileName() + "-" + id);
              try {
                storage.copyCompleted(id, target);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(
                    "Could not write the savepoint to " + target + ": " + e.getMessage(), e);
              }
              LOG.info("Savepoint of job {} written to {}", jobName, target);
              return target.toString();
            });
  }

  /** Starts a checkpoint now; completes with its id when it completed. */
  public CompletableFuture<Long> trigger(SnapshotType type, boolean finalCheckpoint) {
    if (shutdown) {
      return CompletableFuture.failedFuture(new CheckpointException("The job is not running."));
    }
    List<CheckpointParticipants.Subtask> subtasks = job.runningSubtasks();
    if (subtasks == null) {
      return CompletableFuture.failedFuture(
          new CheckpointException("Not all tasks of job '" + jobName + "' are running."));
    }
    long id = nextCheckpointId++;
    long timestamp = System.currentTimeMillis();
    try {
      storage.initCheckpoint(id);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(
          new CheckpointException(
              "Cannot create the directory of checkpoint " + id + ": " + e.getMessage()));
    }
    Set<String> attempts = new HashSet<>();
    subtasks.forEach(s -> attempts.add(s.attemptId()));
    PendingCheckpoint checkpoint =
        new PendingCheckpoint(id, timestamp, type, finalCheckpoint, attempts);
    pending.put(id, checkpoint);
    if (finalCheckpoint) {
      finalTriggered = true;
    }
    timer.schedule(
        () ->
            job.runOnMainThread(
                () -> abort(id, "timed out after " + options.timeoutMillis() + " ms", true)),
        options.timeoutMillis(),
        TimeUnit.MILLISECONDS);
    if (options.unaligned() && options.alignedTimeoutMillis() > 0 && !type.isSavepoint()) {
      timer.schedule(
          () -> job.runOnMainThread(() -> reportAlignmentTimeout(checkpoint)),
          options.alignedTimeoutMillis(),
          TimeUnit.MILLISECONDS);
    }
    snapshotCoordinators(checkpoint)
        .whenComplete(
            (ok, error) ->
                job.runOnMainThread(
                    () -> {
                      if (pending.get(id) != checkpoint) {
                        return;
                      }
                      if (error != null) {
                        abort(id, "a coordinator failed to snapshot: " + error, true);
                        return;
                      }
                      triggerSubtasks(checkpoint, subtasks);
                    }));
    return checkpoint.completion();
  }

  /** The checkpoint is still in progress after the alignment timeout: subtasks turn unaligned. */
  private void reportAlignmentTimeout(PendingCheckpoint checkpoint) {
    if (pending.get(checkpoint.checkpointId()) != checkpoint) {
      return;
    }
    List<CheckpointParticipants.Subtask> subtasks = job.runningSubtasks();
    if (subtasks == null) {
      return;
    }
    LOG.info(
        "Checkpoint {} of job '{}' is still aligning after {} ms: it turns unaligned",
        checkpoint.checkpointId(),
        jobName,
        options.alignedTimeoutMillis());
    for (CheckpointParticipants.Subtask s : subtasks) {
      if (checkpoint.awaits(s.attemptId())) {
        s.taskManager()
            .alignmentTimedOut(s.attemptId(), checkpoint.checkpointId(), checkpoint.timestamp());
      }
    }
  }

  private CompletableFuture<Void> snapshotCoordinators(PendingCheckpoint checkpoint) {
    List<CompletableFuture<Void>> futures = new ArrayList<>();
    for (CheckpointParticipants.OperatorInfo op : job.operators()) {
      if (op.coordinator() != null) {
        futures.add(
            op.coordinator()
                .snapshotState(checkpoint.checkpointId())
                .thenAccept(
                    state ->
                        job.runOnMainThread(
                            () -> checkpoint.addCoordinatorState(op.operatorId(), state))));
      }
    }
    return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
  }

  /** Sources, and subtasks whose input ended, start the checkpoint; the others get barriers. */
  private void triggerSubtasks(
      PendingCheckpoint checkpoint, List<CheckpointParticipants.Subtask> subtasks) {
    for (CheckpointParticipants.Subtask s : subtasks) {
      if (!s.hasNetworkInput() || inputEnded.contains(s.attemptId())) {
        triggerDirectly(checkpoint, s);
      }
    }
  }

  private void triggerDirectly(PendingCheckpoint checkpoint, CheckpointParticipants.Subtask s) {
    if (checkpoint.markTriggered(s.attemptId())) {
      s.taskManager()
          .triggerCheckpoint(
              s.attemptId(), checkpoint.checkpointId(), checkpoint.timestamp(), checkpoint.type());
    }
  }

  /** A subtask's part of a checkpoint is written. */
  public void acknowledge(String attemptId, long checkpointId, List<StateFileHandle> files) {
    PendingCheckpoint checkpoint = pending.get(checkpointId);
    if (checkpoint == null || !checkpoint.acknowledge(attemptId, files)) {
      return; // aborted or subsumed meanwhile; its directory is deleted
    }
    if (checkpoint.isFullyAcknowledged()) {
      complete(checkpoint);
    }
  }

  /** A subtask could not take its part: the checkpoint is aborted. */
  public void decline(String attemptId, long checkpointId, String reason) {
    abort(checkpointId, "declined by " + reason, true);
  }

  /**
   * A subtask's input ended: checkpoints in progress cannot reach it by barriers any more, so it is
   * triggered directly; when all subtasks' inputs ended, the final checkpoint is taken.
   */
  public void onEndOfInput(String attemptId) {
    inputEnded.add(attemptId);
    List<CheckpointParticipants.Subtask> subtasks = job.runningSubtasks();
    if (subtasks == null) {
      return;
    }
    for (PendingCheckpoint checkpoint : pending.values()) {
      if (checkpoint.awaits(attemptId)) {
        subtasks.stream()
            .filter(s -> s.attemptId().equals(attemptId))
            .forEach(s -> triggerDirectly(checkpoint, s));
      }
    }
    maybeTriggerFinal(subtasks);
  }

  private void maybeTriggerFinal(List<CheckpointParticipants.Subtask> subtasks) {
    if (finalTriggered || shutdown) {
      return;
    }
    for (CheckpointParticipants.Subtask s : subtasks) {
      if (!inputEnded.contains(s.attemptId())) {
        return;
      }
    }
    LOG.info("All inputs of job '{}' ended: taking the final checkpoint", jobName);
    trigger(SnapshotType.CHECKPOINT, true);
  }

  private void complete(PendingCheckpoint checkpoint) {
    long id = checkpoint.checkpointId();
    pending.remove(id);
    List<CheckpointMetadata.OperatorInfo> operators = new ArrayList<>();
    for (CheckpointParticipants.OperatorInfo op : job.operators()) {
      operators.add(
          new CheckpointMetadata.OperatorInfo(
              op.operatorId(),
              op.parallelism(),
              op.maxParallelism(),
              checkpoint.coordinatorStates().get(op.operatorId())));
    }
    CheckpointMetadata metadata =
        new CheckpointMetadata(
            id,
            checkpoint.timestamp(),
            checkpoint.stateFiles(),
            operators,
            checkpoint.type().isSavepoint());
    try {
      storage.completeCheckpoint(metadata);
    } catch (IOException e) {
      pending.put(id, checkpoint);
      abort(id, "its metadata could not be written: " + e.getMessage(), true);
      return;
    }
    lastCompletionNanos = System.nanoTime();
    finalCompleted |= checkpoint.isFinal();
    consecutiveFailures = 0;
    completedCount++;
    record(checkpoint, null);
    LOG.info(
        "Checkpoint {} of job '{}' complete ({} state files)",
        id,
        jobName,
        checkpoint.stateFiles().size());
    // Older checkpoints still in progress are subsumed by this one.
    for (Long older : new ArrayList<>(pending.headMap(id).keySet())) {
      abort(older, "subsumed by checkpoint " + id, false);
    }
    List<CheckpointParticipants.Subtask> subtasks = job.runningSubtasks();
    if (subtasks != null) {
      for (CheckpointParticipants.Subtask s : subtasks) {
        s.taskManager().notifyCheckpointComplete(s.attemptId(), id, checkpoint.isFinal());
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
      storage.deleteFailedAttempts(pending.keySet());
    } catch (IOException e) {
      LOG.warn("Could not delete old checkpoints of job '{}'", jobName, e);
    }
    checkpoint.completion().complete(id);
  }

  private void abort(long checkpointId, String reason, boolean countsAsFailure) {
    PendingCheckpoint checkpoint = pending.remove(checkpointId);
    if (checkpoint == null) {
      return;
    }
    LOG.warn("Checkpoint {} of job '{}' aborted: {}", checkpointId, jobName, reason);
    List<CheckpointParticipants.Subtask> subtasks = shutdown ? null : job.runningSubtasks();
    if (subtasks != null) {
      for (CheckpointParticipants.Subtask s : subtasks) {
        s.taskManager().notifyCheckpointAborted(s.attemptId(), checkpointId);
      }
    }
    try {
      storage.discardAttempt(checkpointId);
    } catch (IOException e) {
      LOG.warn("Could not delete aborted checkpoint {}", checkpointId, e);
    }
    checkpoint
        .completion()
        .completeExceptionally(
            new CheckpointException("Checkpoint " + checkpointId + " aborted: " + reason));
    if (checkpoint.isFinal()) {
      finalTriggered = false;
    }
    if (!countsAsFailure || shutdown) {
      return;
    }
    failedCount++;
    record(checkpoint, reason);
    consecutiveFailures++;
    if (consecutiveFailures > options.tolerableFailures()) {
      job.failJob(
          new CheckpointException(
              "Exceeded the number of tolerable checkpoint failures ("
                  + options.tolerableFailures()
                  + "); the last: checkpoint "
                  + checkpointId
                  + " "
                  + reason));
    } else if (checkpoint.isFinal() && subtasksAll(inputEnded)) {
      trigger(SnapshotType.CHECKPOINT, true); // the subtasks wait for it to finish
    }
  }

  private boolean subtasksAll(Set<String> attempts) {
    List<CheckpointParticipants.Subtask> subtasks = job.runningSubtasks();
    return subtasks != null && subtasks.stream().allMatch(s -> attempts.contains(s.attemptId()));
  }

  private void record(PendingCheckpoint checkpoint, String failureReason) {
    history.add(
        new CheckpointStats.Entry(
            checkpoint.checkpointId(),
            checkpoint.type(),
            checkpoint.timestamp(),
            System.currentTimeMillis() - checkpoint.timestamp(),
            checkpoint.stateFiles().size(),
            (int)
                checkpoint.stateFiles().stream()
                    .filter(f -> ChannelState.isStateId(f.operatorId()))
                    .count(),
            failureReason));
    while (history.size() > HISTORY_SIZE) {
      history.poll();
    }
  }

  /** Completed and failed checkpoints so far, with the latest ones. */
  public CheckpointStats stats() {
    return new CheckpointStats(completedCount, failedCount, List.copyOf(history));
  }

  /** Abandons every checkpoint in progress, e.g. when the job restarts; not a failure. */
  public void abortAll(String reason) {
    abortPending(reason);
    inputEnded.clear();
    finalTriggered = false;
    finalCompleted = false;
  }

  /**
   * Abandons the checkpoints in progress, not as failures, when some subtasks restart while the
   * others run on (regional failover): they can never get the restarted subtasks' parts. What the
   * running subtasks' inputs did is kept; periodic triggering goes on, and skips its ticks until
   * every subtask runs again.
   */
  public void abortPending(String reason) {
    for (Long id : new ArrayList<>(pending.keySet())) {
      abort(id, reason, false);
    }
  }

  /**
   * Whether the final checkpoint completed (since the job's last start or restart): the subtasks
   * are finishing, and only a restart of the whole job can take another final checkpoint.
   */
  public boolean finalCheckpointCompleted() {
    return finalCompleted;
  }

  /** The id the next checkpoint gets. */
  public long nextCheckpointId() {
    return nextCheckpointId;
  }

  /**
   * Stops for good. A finished job's checkpoints are deleted, as are a cancelled job's unless they
   * are retained on cancellation; a failed job's stay for a manual restore.
   */
  public void shutdown(io.eddy.api.JobStatus finalStatus) {
    stopPeriodic();
    abortAll("the job is " + finalStatus);
    shutdown = true;
    timer.shutdownNow();
    boolean discard =
        finalStatus == io.eddy.api.JobStatus.FINISHED
            || (finalStatus == io.eddy.api.JobStatus.CANCELED && !options.retainOnCancel());
    if (discard) {
      try {
        storage.discardAll();
      } catch (IOException e) {
        LOG.warn("Could not delete the checkpoints of job '{}'", jobName, e);
      }
    }
  }

  /** Exposed for the JobMaster's status: checkpoints in progress. */
  public Map<Long, Boolean> pendingCheckpoints() {
    Map<Long, Boolean> ids = new TreeMap<>();
    pending.forEach((id, p) -> ids.put(id, p.type().isSavepoint()));
    return ids;
  }
}
