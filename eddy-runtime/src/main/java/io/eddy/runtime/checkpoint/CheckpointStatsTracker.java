package io.eddy.runtime.checkpoint;

import io.eddy.runtime.gateway.CheckpointStats;
import io.eddy.runtime.snapshot.ChannelState;
import io.eddy.runtime.time.Clock;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Counts a job's completed and failed checkpoints and keeps the latest {@value #HISTORY_SIZE} of
 * them for {@link CheckpointStats}; a checkpoint's duration runs from its trigger to now on the
 * clock. Checkpoints abandoned by a restart are not recorded. JobMaster thread only.
 */
final class CheckpointStatsTracker {
  static final int HISTORY_SIZE = 50;

  private final Clock clock;
  private final ArrayDeque<CheckpointStats.Entry> history = new ArrayDeque<>();
  private long completed;
  private long failed;

  CheckpointStatsTracker(Clock clock) {
    this.clock = clock;
  }

  void checkpointCompleted(PendingCheckpoint checkpoint) {
    completed++;
    record(checkpoint, null);
  }

  void checkpointFailed(PendingCheckpoint checkpoint, String reason) {
    failed++;
    record(checkpoint, reason);
  }

  private void record(PendingCheckpoint checkpoint, String failureReason) {
    history.add(
        new CheckpointStats.Entry(
            checkpoint.checkpointId(),
            checkpoint.type(),
            checkpoint.timestamp(),
            clock.currentTimeMillis() - checkpoint.timestamp(),
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
  CheckpointStats stats() {
    return new CheckpointStats(completed, failed, List.copyOf(history));
  }
}
