package io.eddy.core.execution;

import io.eddy.api.annotation.Internal;
import io.eddy.api.common.restartstrategy.RestartStrategyConfig;
import io.eddy.api.common.state.StateBackendSettings;
import java.io.Serializable;

/**
 * The environment's settings that travel with a job.
 *
 * @param parallelism default parallelism of operators that set none
 * @param maxParallelism default number of key groups
 * @param bufferTimeoutMillis how long a partly filled network buffer may wait before it is sent; 0
 *     sends after every record
 * @param autoWatermarkIntervalMillis how often periodic watermark generators emit, in milliseconds
 *     of processing time; 0 disables periodic emission
 * @param checkpointing checkpoint settings ({@link CheckpointingOptions#DISABLED} if off)
 * @param savepointRestore the savepoint or checkpoint the job starts from, if any
 * @param restartStrategy how the job recovers from failures, or null if the user set none (the
 *     JobMaster then picks the default, which depends on whether checkpointing is enabled)
 * @param windowPreAggregation whether keyed event-time tumbling and sliding windows that reduce
 *     combine each upstream subtask's elements per key and window before the shuffle (see {@code
 *     StreamExecutionEnvironment#setWindowPreAggregation})
 * @param stateBackend the state backend the job chose, or null for the cluster's
 */
@Internal
public record ExecutionConfig(
    int parallelism,
    int maxParallelism,
    long bufferTimeoutMillis,
    long autoWatermarkIntervalMillis,
    CheckpointingOptions checkpointing,
    SavepointRestoreSettings savepointRestore,
    RestartStrategyConfig restartStrategy,
    boolean windowPreAggregation,
    StateBackendSettings stateBackend)
    implements Serializable {

  public ExecutionConfig {
    checkpointing = checkpointing == null ? CheckpointingOptions.DISABLED : checkpointing;
    savepointRestore = savepointRestore == null ? SavepointRestoreSettings.NONE : savepointRestore;
  }

  /** The settings with the cluster's state backend. */
  public ExecutionConfig(
      int parallelism,
      int maxParallelism,
      long bufferTimeoutMillis,
      long autoWatermarkIntervalMillis,
      CheckpointingOptions checkpointing,
      SavepointRestoreSettings savepointRestore,
      RestartStrategyConfig restartStrategy,
      boolean windowPreAggregation) {
    this(
        parallelism,
        maxParallelism,
        bufferTimeoutMillis,
        autoWatermarkIntervalMillis,
        checkpointing,
        savepointRestore,
        restartStrategy,
        windowPreAggregation,
        null);
  }

  /** The settings without checkpoints, restore or restart strategy. */
  public ExecutionConfig(
      int parallelism,
      int maxParallelism,
      long bufferTimeoutMillis,
      long autoWatermarkIntervalMillis) {
    this(
        parallelism,
        maxParallelism,
        bufferTimeoutMillis,
        autoWatermarkIntervalMillis,
        CheckpointingOptions.DISABLED,
        SavepointRestoreSettings.NONE,
        null,
        true);
  }

  /** The settings with the default watermark interval (200 ms). */
  public ExecutionConfig(int parallelism, int maxParallelism, long bufferTimeoutMillis) {
    this(parallelism, maxParallelism, bufferTimeoutMillis, DEFAULT_AUTO_WATERMARK_INTERVAL_MS);
  }

  public static final long DEFAULT_AUTO_WATERMARK_INTERVAL_MS = 200;
}
