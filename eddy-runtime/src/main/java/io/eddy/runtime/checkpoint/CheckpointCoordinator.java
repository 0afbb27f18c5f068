package io.eddy.runtime.checkpoint;

import io.eddy.api.JobStatus;
import io.eddy.core.execution.CheckpointingOptions;
import io.eddy.runtime.gateway.CheckpointStats;
import io.eddy.runtime.ha.CheckpointIdCounter;
import io.eddy.runtime.ha.CompletedCheckpointPointers;
import io.eddy.runtime.ha.LeadershipLostException;
import io.eddy.runtime.snapshot.SnapshotType;
import io.eddy.runtime.snapshot.StateFileHandle;
import io.eddy.runtime.storage.CheckpointStorage;
import io.eddy.runtime.time.Clock;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a job's checkpoints (DESIGN.md §3). It routes the JobMaster's calls to its parts and
 * decides what follows when a checkpoint ends:
 *
 * <ul>
 *   <li>{@link CheckpointTrigger} starts checkpoints (periodic, on request, the final one);
 *   <li>{@link PendingCheckpoints} tracks those in progress and their timeouts;
 *   <li>{@link CheckpointFinalizer} writes a completed one's metadata, notifies, applies retention,
 *       and discards aborted ones;
 *   <li>{@link CheckpointFailureManager} decides when failed checkpoints fail the job;
 *   <li>{@link CheckpointStatsTracker} keeps the history.
 * </ul>
 *
 * All time comes from the injected {@link Clock}. JobMaster thread only, except the clock's timers,
 * which post to it.
 *
 * <pre>
 * trigger ─▶ coordinators snapshot ─▶ sources triggered ─▶ acks ─▶ _metadata ─▶ notify complete
 *                                            └─ decline / timeout ─▶ abort (attempt deleted)
 * </pre>
 */
public final class CheckpointCoordinator {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointCoordinator.class);

  private final String jobName;
  private final CheckpointStorage storage;
  private final PendingCheckpoints pending;
  private final CheckpointTrigger trigger;
  private final CheckpointFinalizer finalizer;
  private final CheckpointFailureManager failures;
  private final CheckpointStatsTracker stats;
  private final CheckpointParticipants job;
  private final CompletedCheckpointPointers pointers;
  private boolean shutdown;

  /**
   * @param nextCheckpointId the id of the first checkpoint (above every id the job's storage
   *     already has, so that ids keep growing across restarts)
   * @param clock the time of triggers, timeouts and stats
   */
  public CheckpointCoordinator(
      String jobName,
      CheckpointingOptions options,
      CheckpointStorage storage,
      CheckpointParticipants job,
      long nextCheckpointId,
      Clock clock) {
    this(
        jobName,
        options,
        storage,
        job,
        CheckpointIdCounter.inMemory(nextCheckpointId),
        CompletedCheckpointPointers.NONE,
        clock);
  }

  /**
   * @param ids the job's checkpoint ids (with HA, counted in the coordination service so that they
   *     keep growing across leaders)
   * @param pointers where a completed checkpoint is recorded before it counts as completed (with
   *     HA, a deposed leader cannot record one, so its checkpoint is aborted)
   * @param clock the time of triggers, timeouts and stats
   */
  public CheckpointCoordinator(
      String jobName,
      CheckpointingOptions options,
      CheckpointStorage storage,
      CheckpointParticipants job,
      CheckpointIdCounter ids,
      CompletedCheckpointPointers pointers,
      Clock clock) {
    this.jobName = jobName;
    this.pointers = pointers;
    this.storage = storage;
    this.job = job;
    this.pending = new PendingCheckpoints(clock, job::runOnMainThread);
    this.trigger =
        new CheckpointTrigger(
            jobName,
            options,
            storage,
            job,
            clock,
            pending,
            ids,
            (id, reason) -> abort(id, reason, true));
    this.finalizer = new CheckpointFinalizer(jobName, options, storage, job);
    this.failures = new CheckpointFailureManager(options.tolerableFailures());
    this.stats = new CheckpointStatsTracker(clock);
  }

  public CheckpointStorage storage() {
    return storage;
  }

  /** Starts the periodic trigger (when all subtasks run; earlier ticks are skipped). */
  public void startPeriodic() {
    trigger.startPeriodic();
  }

  public void stopPeriodic() {
    trigger.stopPeriodic();
  }

  /**
   * Takes a savepoint: a checkpoint copied to {@code targetDirectory}; completes with the
   * savepoint's path.
   */
  public CompletableFuture<String> triggerSavepoint(String targetDirectory, SnapshotType type) {
    if (!type.isSavepoint()) {
      throw new IllegalArgumentException(type + " is not a savepoint");
    }
    return trigger
        .trigger(type, false)
        .thenApply(id -> finalizer.copyToSavepoint(id, targetDirectory));
  }

  /** Starts a checkpoint now; completes with its id when it completed. */
  public CompletableFuture<Long> trigger(SnapshotType type, boolean finalCheckpoint) {
    return trigger.trigger(type, finalCheckpoint);
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
    trigger.onEndOfInput(attemptId);
  }

  private void complete(PendingCheckpoint checkpoint) {
    long id = checkpoint.checkpointId();
    pending.remove(id);
    String location;
    try {
      location = finalizer.writeMetadata(checkpoint);
    } catch (IOException e) {
      abort(checkpoint, "its metadata could not be written: " + e.getMessage(), true);
      return;
    }
    try {
      pointers.add(new CompletedCheckpointPointers.Pointer(id, location));
    } catch (LeadershipLostException e) {
      // A deposed leader: the checkpoint never counts as completed, nothing is notified or
      // committed.
      abort(checkpoint, e.getMessage(), false);
      return;
    }
    trigger.checkpointCompleted(checkpoint);
    failures.checkpointCompleted();
    stats.checkpointCompleted(checkpoint);
    LOG.info(
        "Checkpoint {} of job '{}' complete ({} state files)",
        id,
        jobName,
        checkpoint.stateFiles().size());
    // Older checkpoints still in progress are subsumed by this one.
    for (Long older : pending.idsBefore(id)) {
      abort(older, "subsumed by checkpoint " + id, false);
    }
    finalizer.notifyCompleted(checkpoint, pending.ids());
  }

  private void abort(long checkpointId, String reason, boolean countsAsFailure) {
    PendingCheckpoint checkpoint = pending.remove(checkpointId);
    if (checkpoint != null) {
      abort(checkpoint, reason, countsAsFailure);
    }
  }

  /** Ends {@code checkpoint} (no longer pending) as aborted; a failure may fail the job. */
  private void abort(PendingCheckpoint checkpoint, String reason, boolean countsAsFailure) {
    finalizer.discard(checkpoint, reason, !shutdown);
    trigger.checkpointAborted(checkpoint);
    if (!countsAsFailure || shutdown) {
      return;
    }
    stats.checkpointFailed(checkpoint, reason);
    failures
        .checkpointFailed(checkpoint.checkpointId(), reason)
        .ifPresentOrElse(
            job::failJob,
            () -> {
              if (checkpoint.isFinal()) {
                trigger.retryFinal();
              }
            });
  }

  /** Completed and failed checkpoints so far, with the latest ones. */
  public CheckpointStats stats() {
    return stats.stats();
  }

  /** Abandons every checkpoint in progress, e.g. when the job restarts; not a failure. */
  public void abortAll(String reason) {
    abortPending(reason);
    trigger.reset();
  }

  /**
   * Abandons the checkpoints in progress, not as failures, when some subtasks restart while the
   * others run on (regional failover): they can never get the restarted subtasks' parts. What the
   * running subtasks' inputs did is kept; periodic triggering goes on, and skips its ticks until
   * every subtask runs again.
   */
  public void abortPending(String reason) {
    for (Long id : pending.ids()) {
      abort(id, reason, false);
    }
  }

  /**
   * Whether the final checkpoint completed (since the job's last start or restart): the subtasks
   * are finishing, and only a restart of the whole job can take another final checkpoint.
   */
  public boolean finalCheckpointCompleted() {
    return trigger.finalCheckpointCompleted();
  }

  /** The id the next checkpoint gets. */
  public long nextCheckpointId() {
    return trigger.nextCheckpointId();
  }

  /**
   * Stops for good. A finished job's checkpoints are deleted, as are a cancelled job's unless they
   * are retained on cancellation; a failed job's stay for a manual restore.
   */
  public void shutdown(JobStatus finalStatus) {
    trigger.stopPeriodic();
    abortAll("the job is " + finalStatus);
    shutdown = true;
    trigger.stop();
    finalizer.jobEnded(finalStatus);
  }

  /** Exposed for the JobMaster's status: checkpoints in progress. */
  public Map<Long, Boolean> pendingCheckpoints() {
    return pending.savepointFlags();
  }
}
