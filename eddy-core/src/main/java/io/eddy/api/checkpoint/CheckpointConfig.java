package io.eddy.api.checkpoint;

import io.eddy.api.annotation.Public;
import java.time.Duration;

/**
 * How a job takes checkpoints; {@code env.enableCheckpointing(interval)} turns them on and {@code
 * env.getCheckpointConfig()} tunes them. Defaults: exactly once with aligned barriers, 10 minute
 * timeout, no pause, one checkpoint at a time, no failed checkpoint tolerated, the last completed
 * checkpoint retained, checkpoints deleted when the job is cancelled, stored under the cluster's
 * default directory ({@code <tmp>/eddy-checkpoints} for the embedded cluster).
 */
@Public
public final class CheckpointConfig {
  /** What happens to completed checkpoints when the job is cancelled. */
  public enum ExternalizedCheckpointRetention {
    DELETE_ON_CANCELLATION,
    RETAIN_ON_CANCELLATION
  }

  private long intervalMillis;
  private CheckpointingMode mode = CheckpointingMode.EXACTLY_ONCE;
  private long timeoutMillis = 600_000;
  private long minPauseMillis;
  private int maxConcurrent = 1;
  private int tolerableFailures;
  private boolean unaligned;
  private long alignedTimeoutMillis;
  private String storageDirectory;
  private ExternalizedCheckpointRetention retention =
      ExternalizedCheckpointRetention.DELETE_ON_CANCELLATION;
  private int retainedCheckpoints = 1;

  public boolean isCheckpointingEnabled() {
    return intervalMillis > 0;
  }

  public long getCheckpointInterval() {
    return intervalMillis;
  }

  /** Time between periodic checkpoints in milliseconds; at least 10. */
  public void setCheckpointInterval(long millis) {
    if (millis < 10) {
      throw new IllegalArgumentException(
          "The checkpoint interval must be at least 10 ms, but is " + millis + " ms.");
    }
    this.intervalMillis = millis;
  }

  public CheckpointingMode getCheckpointingMode() {
    return mode;
  }

  public void setCheckpointingMode(CheckpointingMode mode) {
    this.mode = java.util.Objects.requireNonNull(mode, "mode");
  }

  public long getCheckpointTimeout() {
    return timeoutMillis;
  }

  /** A checkpoint not complete after this many milliseconds is aborted. */
  public void setCheckpointTimeout(long millis) {
    if (millis < 1) {
      throw new IllegalArgumentException(
          "The checkpoint timeout must be positive, but is " + millis + " ms.");
    }
    this.timeoutMillis = millis;
  }

  public long getMinPauseBetweenCheckpoints() {
    return minPauseMillis;
  }

  public void setMinPauseBetweenCheckpoints(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException(
          "The minimum pause between checkpoints must not be negative, but is " + millis + " ms.");
    }
    this.minPauseMillis = millis;
  }

  public int getMaxConcurrentCheckpoints() {
    return maxConcurrent;
  }

  public void setMaxConcurrentCheckpoints(int max) {
    if (max < 1) {
      throw new IllegalArgumentException(
          "At least one checkpoint must be allowed at a time, but the maximum is " + max + ".");
    }
    this.maxConcurrent = max;
  }

  public int getTolerableCheckpointFailureNumber() {
    return tolerableFailures;
  }

  /** How many checkpoints in a row may fail (time out, be declined) before the job fails. */
  public void setTolerableCheckpointFailureNumber(int failures) {
    if (failures < 0) {
      throw new IllegalArgumentException(
          "The number of tolerable checkpoint failures must not be negative, but is "
              + failures
              + ".");
    }
    this.tolerableFailures = failures;
  }

  public boolean isUnalignedCheckpointsEnabled() {
    return unaligned;
  }

  /**
   * Lets barriers overtake the records buffered in front of them; the overtaken records become part
   * of the checkpoint. Checkpoints then complete quickly under backpressure. Exactly-once only.
   */
  public void enableUnalignedCheckpoints() {
    enableUnalignedCheckpoints(true);
  }

  public void enableUnalignedCheckpoints(boolean enabled) {
    this.unaligned = enabled;
  }

  public Duration getAlignedCheckpointTimeout() {
    return Duration.ofMillis(alignedTimeoutMillis);
  }

  /**
   * With unaligned checkpoints: start each checkpoint aligned and switch to unaligned if alignment
   * takes longer than this; zero (the default) means unaligned from the start.
   */
  public void setAlignedCheckpointTimeout(Duration timeout) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException(
          "The aligned checkpoint timeout must not be negative, but is " + timeout + ".");
    }
    this.alignedTimeoutMillis = timeout.toMillis();
  }

  public String getCheckpointStorage() {
    return storageDirectory;
  }

  /** The directory (local or mounted) under which checkpoints are stored, one folder per job. */
  public void setCheckpointStorage(String directory) {
    if (directory == null || directory.isBlank()) {
      throw new IllegalArgumentException("The checkpoint storage directory must not be empty.");
    }
    this.storageDirectory = directory;
  }

  public ExternalizedCheckpointRetention getExternalizedCheckpointRetention() {
    return retention;
  }

  public void setExternalizedCheckpointRetention(ExternalizedCheckpointRetention retention) {
    this.retention = java.util.Objects.requireNonNull(retention, "retention");
  }

  public int getNumRetainedCheckpoints() {
    return retainedCheckpoints;
  }

  /** How many completed checkpoints are kept (older ones are deleted); at least 1. */
  public void setNumRetainedCheckpoints(int count) {
    if (count < 1) {
      throw new IllegalArgumentException(
          "At least one completed checkpoint must be retained, but the number is " + count + ".");
    }
    this.retainedCheckpoints = count;
  }
}
