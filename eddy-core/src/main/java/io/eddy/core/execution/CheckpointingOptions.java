package io.eddy.core.execution;

import io.eddy.api.checkpoint.CheckpointingMode;
import java.io.Serializable;

/**
 * The checkpoint settings of a job, as the runtime receives them (see {@code CheckpointConfig}).
 *
 * @param intervalMillis time between the triggers of periodic checkpoints; 0: checkpointing is off
 * @param mode exactly once (aligned or unaligned barriers) or at least once
 * @param timeoutMillis a checkpoint not complete after this long is aborted
 * @param minPauseMillis least time between the end of one checkpoint and the next trigger
 * @param maxConcurrent how many checkpoints may be in progress at once
 * @param tolerableFailures consecutive failed checkpoints tolerated before the job fails
 * @param unaligned whether barriers may overtake buffered records (their records are then stored)
 * @param alignedTimeoutMillis with unaligned checkpoints: alignment first, unaligned after this
 *     long; 0 = unaligned from the start
 * @param storageDirectory root directory of checkpoints and default savepoint directory, or null
 *     for the cluster's default
 * @param retainOnCancel whether completed checkpoints are kept when the job is cancelled
 * @param retainedCheckpoints how many completed checkpoints are kept
 */
public record CheckpointingOptions(
    long intervalMillis,
    CheckpointingMode mode,
    long timeoutMillis,
    long minPauseMillis,
    int maxConcurrent,
    int tolerableFailures,
    boolean unaligned,
    long alignedTimeoutMillis,
    String storageDirectory,
    boolean retainOnCancel,
    int retainedCheckpoints)
    implements Serializable {

  /** Checkpointing disabled. */
  public static final CheckpointingOptions DISABLED =
      new CheckpointingOptions(
          0, CheckpointingMode.EXACTLY_ONCE, 600_000, 0, 1, 0, false, 0, null, false, 1);

  public boolean enabled() {
    return intervalMillis > 0;
  }
}
