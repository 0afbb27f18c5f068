package io.eddy.runtime.checkpoint;

import io.eddy.core.execution.CheckpointingOptions;
import io.eddy.runtime.gateway.CheckpointException;
import io.eddy.runtime.ha.CheckpointIdCounter;
import io.eddy.runtime.snapshot.SnapshotType;
import io.eddy.runtime.storage.CheckpointStorage;
import io.eddy.runtime.time.Clock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a job's checkpoints: periodically on the clock (a tick is skipped while the most
 * checkpoints are in progress, within the minimum pause after the last completed one, or once the
 * final checkpoint was triggered), on request (savepoints, tests), and the final checkpoint once
 * every subtask's input ended. Starting one gives it an id, creates its directory, tracks it as
 * pending with its timeout, snapshots the operator coordinators, then triggers the sources and the
 * subtasks whose input ended directly (the others get barriers). JobMaster thread only, except the
 * periodic timer, which fires on the clock's thread and posts to it.
 *
 * <pre>
 * tick / request / all inputs ended ─▶ pending (+ timeout) ─▶ coordinators snapshot ─▶ sources
 *                                                                   └─ failed ─▶ abort
 * </pre>
 */
final class CheckpointTrigger {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointTrigger.class);

  /** Ends a checkpoint that could not be taken; counts as a failed checkpoint. */
  @FunctionalInterface
  interface Aborter {
    void abort(long checkpointId, String reason);
  }

  private final String jobName;
  private final CheckpointingOptions options;
  private final CheckpointStorage storage;
  private final CheckpointParticipants job;
  private final Clock clock;
  private final PendingCheckpoints pending;
  private final Aborter aborter;

  private final Set<String> inputEnded = new HashSet<>();
  private final CheckpointIdCounter ids;
  private long lastCompletionMillis = Long.MIN_VALUE;
  private boolean finalTriggered;
  private boolean finalCompleted;
  private boolean stopped;
  private Periodic periodic;

  CheckpointTrigger(
      String jobName,
      CheckpointingOptions options,
      CheckpointStorage storage,
      CheckpointParticipants job,
      Clock clock,
      PendingCheckpoints pending,
      CheckpointIdCounter ids,
      Aborter aborter) {
    this.jobName = jobName;
    this.options = options;
    this.storage = storage;
    this.job = job;
    this.clock = clock;
    this.pending = pending;
    this.ids = ids;
    this.aborter = aborter;
  }

  /** Starts the periodic trigger (when all subtasks run; earlier ticks are skipped). */
  void startPeriodic() {
    stopPeriodic();
    periodic = new Periodic(options.intervalMillis());
    periodic.start();
  }

  void stopPeriodic() {
    if (periodic != null) {
      periodic.cancel();
      periodic = null;
    }
  }

  private void triggerPeriodic() {
    if (stopped || finalTriggered || pending.size() >= options.maxConcurrent()) {
      return;
    }
    if (lastCompletionMillis != Long.MIN_VALUE
        && clock.currentTimeMillis() - lastCompletionMillis < options.minPauseMillis()) {
      return;
    }
    trigger(SnapshotType.CHECKPOINT, false);
  }

  /** Starts a checkpoint now; completes with its id when it completed. */
  CompletableFuture<Long> trigger(SnapshotType type, boolean finalCheckpoint) {
    if (stopped) {
      return CompletableFuture.failedFuture(new CheckpointException("The job is not running."));
    }
    List<CheckpointParticipants.Subtask> subtasks = job.runningSubtasks();
    if (subtasks == null) {
      return CompletableFuture.failedFuture(
          new CheckpointException("Not all tasks of job '" + jobName + "' are running."));
    }
    long id = ids.getAndIncrement();
    long timestamp = clock.currentTimeMillis();
    Set<String> attempts = new HashSet<>();
    subtasks.forEach(s -> attempts.add(s.attemptId()));
    PendingCheckpoint checkpoint =
        new PendingCheckpoint(id, timestamp, type, finalCheckpoint, attempts);
    pending.add(
        checkpoint,
        options.timeoutMillis(),
        () -> aborter.abort(id, "timed out after " + options.timeoutMillis() + " ms"));
    try {
      storage.initCheckpoint(id);
    } catch (IOException e) {
      // a store that cannot be written fails this checkpoint, counted like any other failure
      aborter.abort(id, "its location cannot be created: " + e.getMessage());
      return checkpoint.completion();
    }
    if (finalCheckpoint) {
      finalTriggered = true;
    }
    if (options.unaligned() && options.alignedTimeoutMillis() > 0 && !type.isSavepoint()) {
      pending.schedule(
          checkpoint, options.alignedTimeoutMillis(), () -> reportAlignmentTimeout(checkpoint));
    }
    snapshotCoordinators(checkpoint)
        .whenComplete(
            (ok, error) ->
                job.runOnMainThread(
                    () -> {
                      if (!pending.isPending(checkpoint)) {
                        return;
                      }
                      if (error != null) {
                        aborter.abort(id, "a coordinator failed to snapshot: " + error);
                        return;
                      }
                      triggerSubtasks(checkpoint, subtasks);
                    }));
    return checkpoint.completion();
  }

  /** The checkpoint is still in progress after the alignment timeout: subtasks turn unaligned. */
  private void reportAlignmentTimeout(PendingCheckpoint checkpoint) {
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
        s.trigger()
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
      s.trigger()
          .triggerCheckpoint(
              s.attemptId(), checkpoint.checkpointId(), checkpoint.timestamp(), checkpoint.type());
    }
  }

  /**
   * A subtask's input ended: checkpoints in progress cannot reach it by barriers any more, so it is
   * triggered directly; when all subtasks' inputs ended, the final checkpoint is taken.
   */
  void onEndOfInput(String attemptId) {
    inputEnded.add(attemptId);
    List<CheckpointParticipants.Subtask> subtasks = job.runningSubtasks();
    if (subtasks == null) {
      return;
    }
    for (PendingCheckpoint checkpoint : pending.all()) {
      if (checkpoint.awaits(attemptId)) {
        subtasks.stream()
            .filter(s -> s.attemptId().equals(attemptId))
            .forEach(s -> triggerDirectly(checkpoint, s));
      }
    }
    if (finalTriggered || stopped || !allInputsEnded(subtasks)) {
      return;
    }
    LOG.info("All inputs of job '{}' ended: taking the final checkpoint", jobName);
    trigger(SnapshotType.CHECKPOINT, true);
  }

  private boolean allInputsEnded(List<CheckpointParticipants.Subtask> subtasks) {
    return subtasks != null && subtasks.stream().allMatch(s -> inputEnded.contains(s.attemptId()));
  }

  /** {@code checkpoint} completed: the minimum pause starts now. */
  void checkpointCompleted(PendingCheckpoint checkpoint) {
    lastCompletionMillis = clock.currentTimeMillis();
    finalCompleted |= checkpoint.isFinal();
  }

  /** {@code checkpoint} was aborted: if it was the final one, another may be triggered. */
  void checkpointAborted(PendingCheckpoint checkpoint) {
    if (checkpoint.isFinal()) {
      finalTriggered = false;
    }
  }

  /** The final checkpoint failed (tolerably): triggers it again, since the subtasks wait for it. */
  void retryFinal() {
    if (allInputsEnded(job.runningSubtasks())) {
      trigger(SnapshotType.CHECKPOINT, true);
    }
  }

  /** The job restarts: what the subtasks' inputs did and the final checkpoint start over. */
  void reset() {
    inputEnded.clear();
    finalTriggered = false;
    finalCompleted = false;
  }

  /** Stops for good: no periodic ticks, and every later trigger fails. */
  void stop() {
    stopPeriodic();
    stopped = true;
  }

  /** Whether the final checkpoint completed since the job's last start or restart. */
  boolean finalCheckpointCompleted() {
    return finalCompleted;
  }

  long nextCheckpointId() {
    return ids.get();
  }

  /**
   * The periodic timer: each tick posts a trigger to the main thread and schedules the next one
   * period after it (fixed rate). Cancelling it stops both; a tick already posted is dropped.
   */
  private final class Periodic {
    private final long intervalMillis;
    private Clock.Cancellable next;
    private boolean cancelled;

    Periodic(long intervalMillis) {
      this.intervalMillis = intervalMillis;
    }

    void start() {
      scheduleAt(clock.currentTimeMillis() + intervalMillis);
    }

    /** Clock thread (or the main thread at start). */
    private void scheduleAt(long timeMillis) {
      Clock.Cancellable scheduled =
          clock.schedule(
              timeMillis,
              () -> {
                if (isCancelled()) {
                  return;
                }
                job.runOnMainThread(
                    () -> {
                      if (periodic == this) {
                        triggerPeriodic();
                      }
                    });
                scheduleAt(timeMillis + intervalMillis);
              });
      synchronized (this) {
        if (cancelled) {
          scheduled.cancel();
        } else {
          next = scheduled;
        }
      }
    }

    private synchronized boolean isCancelled() {
      return cancelled;
    }

    void cancel() {
      Clock.Cancellable scheduled;
      synchronized (this) {
        cancelled = true;
        scheduled = next;
      }
      if (scheduled != null) {
        scheduled.cancel();
      }
    }
  }
}
