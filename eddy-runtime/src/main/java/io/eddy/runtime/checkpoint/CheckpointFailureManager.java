package io.eddy.runtime.checkpoint;

import io.eddy.runtime.gateway.CheckpointException;
import java.util.Optional;

/**
 * Decides when failed checkpoints fail the job: more than the tolerable number of failures in a row
 * (timeouts, declines, coordinator or storage errors). A completed checkpoint resets the count;
 * checkpoints abandoned by a restart or the end of the job are not failures and are not reported
 * here. JobMaster thread only.
 */
final class CheckpointFailureManager {
  private final int tolerableFailures;
  private int consecutiveFailures;

  /**
   * @param tolerableFailures failures in a row that the job survives
   */
  CheckpointFailureManager(int tolerableFailures) {
    if (tolerableFailures < 0) {
      throw new IllegalArgumentException("tolerableFailures < 0: " + tolerableFailures);
    }
    this.tolerableFailures = tolerableFailures;
  }

  /** A checkpoint completed: the count starts over. */
  void checkpointCompleted() {
    consecutiveFailures = 0;
  }

  /**
   * A checkpoint failed.
   *
   * @return the cause to fail the job with if this failure is one too many, else empty
   */
  Optional<CheckpointException> checkpointFailed(long checkpointId, String reason) {
    consecutiveFailures++;
    if (consecutiveFailures <= tolerableFailures) {
      return Optional.empty();
    }
    return Optional.of(
        new CheckpointException(
            "Exceeded the number of tolerable checkpoint failures ("
                + tolerableFailures
                + "); the last: checkpoint "
                + checkpointId
                + " "
                + reason));
  }

  /** Failures since the last completed checkpoint. */
  int consecutiveFailures() {
    return consecutiveFailures;
  }
}
