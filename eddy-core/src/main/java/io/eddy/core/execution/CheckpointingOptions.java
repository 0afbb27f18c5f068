package io.eddy.core.execution;

import io.eddy.api.annotation.Internal;
import io.eddy.api.checkpoint.CheckpointConfig;
import io.eddy.api.checkpoint.CheckpointConfig.ExternalizedCheckpointRetention;
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
@Internal
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

  /**
   * The settings of {@code config}, as the runtime receives them.
   *
   * @throws IllegalStateException if unaligned checkpoints are asked for at least once
   */
  public static CheckpointingOptions of(CheckpointConfig config) {
    if (config.isUnalignedCheckpointsEnabled()
        && config.getCheckpointingMode() == CheckpointingMode.AT_LEAST_ONCE) {
      throw new IllegalStateException(
          "Unaligned checkpoints need CheckpointingMode.EXACTLY_ONCE; at least once never aligns.");
    }
    return new CheckpointingOptions(
        config.getCheckpointInterval(),
        config.getCheckpointingMode(),
        config.getCheckpointTimeout(),
        config.getMinPauseBetweenCheckpoints(),
        config.getMaxConcurrentCheckpoints(),
        config.getTolerableCheckpointFailureNumber(),
        config.isUnalignedCheckpointsEnabled(),
        config.getAlignedCheckpointTimeout().toMillis(),
        config.getCheckpointStorage(),
        config.getExternalizedCheckpointRetention()
            == ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION,
        config.getNumRetainedCheckpoints());
  }

  /** Checkpointing disabled. */
  public static final CheckpointingOptions DISABLED =
      new CheckpointingOptions(
          0, CheckpointingMode.EXACTLY_ONCE, 600_000, 0, 1, 0, false, 0, null, false, 1);

  public boolean enabled() {
    return intervalMillis > 0;
  }
}
