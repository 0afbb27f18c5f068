package io.eddy.core.execution;

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
 */
public record ExecutionConfig(
    int parallelism, int maxParallelism, long bufferTimeoutMillis, long autoWatermarkIntervalMillis)
    implements Serializable {

  /** The settings with the default watermark interval (200 ms). */
  public ExecutionConfig(int parallelism, int maxParallelism, long bufferTimeoutMillis) {
    this(parallelism, maxParallelism, bufferTimeoutMillis, DEFAULT_AUTO_WATERMARK_INTERVAL_MS);
  }

  public static final long DEFAULT_AUTO_WATERMARK_INTERVAL_MS = 200;
}
