package io.eddy.runtime.gateway;

import io.eddy.runtime.snapshot.SnapshotType;
import java.util.List;

/**
 * The checkpoint history of a job: how many completed and failed, and the latest ones.
 *
 * @param completed completed checkpoints and savepoints since the job started
 * @param failed aborted ones (timed out, declined), not counting those abandoned by a restart
 * @param history the latest ones, oldest first
 */
public record CheckpointStats(long completed, long failed, List<Entry> history) {
  public CheckpointStats {
    history = List.copyOf(history);
  }

  /**
   * One checkpoint's outcome.
   *
   * @param durationMillis from trigger to completion or abort
   * @param stateFiles state files written (all kinds)
   * @param inFlightDataFiles of those, files of in-flight data (unaligned checkpoints)
   * @param failureReason why it was aborted, or null if it completed
   */
  public record Entry(
      long checkpointId,
      SnapshotType type,
      long triggerTimestamp,
      long durationMillis,
      int stateFiles,
      int inFlightDataFiles,
      String failureReason) {
    public boolean isCompleted() {
      return failureReason == null;
    }
  }
}
