package io.eddy.runtime.checkpoint;

import io.eddy.runtime.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executor;

/**
 * The checkpoints of a job in progress, by id, with the timers that belong to them (the timeout,
 * the alignment timeout). A checkpoint's timer runs only while the checkpoint is pending, and is
 * cancelled when it stops being tracked (completed, aborted), so a finished job leaves nothing on
 * the clock. JobMaster thread only: timers fire on the clock's thread and post their action to the
 * main thread.
 *
 * <pre>
 * add ─▶ pending ─▶ remove (completed, aborted, subsumed): its timers are cancelled
 *           └─ timer due while pending ─▶ its action runs on the main thread (e.g. abort)
 * </pre>
 */
final class PendingCheckpoints {
  private final Clock clock;
  private final Executor mainThread;
  private final TreeMap<Long, Tracked> pending = new TreeMap<>();

  private static final class Tracked {
    final PendingCheckpoint checkpoint;
    final List<Clock.Cancellable> timers = new ArrayList<>();

    Tracked(PendingCheckpoint checkpoint) {
      this.checkpoint = checkpoint;
    }
  }

  /**
   * @param clock the time of the timeouts
   * @param mainThread runs timer actions on the JobMaster thread
   */
  PendingCheckpoints(Clock clock, Executor mainThread) {
    this.clock = clock;
    this.mainThread = mainThread;
  }

  /** Tracks {@code checkpoint}; {@code onTimeout} runs if it is still pending after the timeout. */
  void add(PendingCheckpoint checkpoint, long timeoutMillis, Runnable onTimeout) {
    if (pending.containsKey(checkpoint.checkpointId())) {
      throw new IllegalStateException("Checkpoint " + checkpoint.checkpointId() + " is pending");
    }
    pending.put(checkpoint.checkpointId(), new Tracked(checkpoint));
    schedule(checkpoint, timeoutMillis, onTimeout);
  }

  /**
   * Runs {@code action} on the main thread after {@code delayMillis} if {@code checkpoint} is then
   * still pending.
   */
  void schedule(PendingCheckpoint checkpoint, long delayMillis, Runnable action) {
    Tracked tracked = pending.get(checkpoint.checkpointId());
    if (tracked == null || tracked.checkpoint != checkpoint) {
      return;
    }
    tracked.timers.add(
        clock.schedule(
            clock.currentTimeMillis() + delayMillis,
            () ->
                mainThread.execute(
                    () -> {
                      if (isPending(checkpoint)) {
                        action.run();
                      }
                    })));
  }

  /** The pending checkpoint {@code checkpointId}, or null. */
  PendingCheckpoint get(long checkpointId) {
    Tracked tracked = pending.get(checkpointId);
    return tracked == null ? null : tracked.checkpoint;
  }

  /** Whether this very checkpoint (not an aborted one's successor) is still pending. */
  boolean isPending(PendingCheckpoint checkpoint) {
    return get(checkpoint.checkpointId()) == checkpoint;
  }

  /** Stops tracking {@code checkpointId} and cancels its timers; returns it, or null. */
  PendingCheckpoint remove(long checkpointId) {
    Tracked tracked = pending.remove(checkpointId);
    if (tracked == null) {
      return null;
    }
    tracked.timers.forEach(Clock.Cancellable::cancel);
    return tracked.checkpoint;
  }

  int size() {
    return pending.size();
  }

  /** The ids of the pending checkpoints, ascending. */
  Set<Long> ids() {
    return new TreeSet<>(pending.keySet());
  }

  /** The ids of the pending checkpoints older than {@code checkpointId}, ascending. */
  List<Long> idsBefore(long checkpointId) {
    return new ArrayList<>(pending.headMap(checkpointId).keySet());
  }

  /** The pending checkpoints, oldest first (a copy). */
  Collection<PendingCheckpoint> all() {
    return pending.values().stream().map(t -> t.checkpoint).toList();
  }

  /** Per pending checkpoint id, whether it is a savepoint. */
  Map<Long, Boolean> savepointFlags() {
    Map<Long, Boolean> ids = new TreeMap<>();
    pending.forEach((id, t) -> ids.put(id, t.checkpoint.type().isSavepoint()));
    return ids;
  }
}
