package io.eddy.runtime.scheduler.restart;

/** Restarts a fixed number of times over the job's life, always after the same delay. */
final class FixedDelayRestartBackoffTimeStrategy implements RestartBackoffTimeStrategy {
  private final int maxRestartAttempts;
  private final long delayMillis;
  // a long, so that Integer.MAX_VALUE attempts (the default with checkpointing) cannot overflow
  private long failures;

  FixedDelayRestartBackoffTimeStrategy(int maxRestartAttempts, long delayMillis) {
    this.maxRestartAttempts = maxRestartAttempts;
    this.delayMillis = delayMillis;
  }

  @Override
  public void notifyFailure(Throwable cause, long nowMillis) {
    failures++;
  }

  @Override
  public boolean canRestart() {
    // each failure so far has used (or asks for) one restart
    return failures <= maxRestartAttempts;
  }

  @Override
  public long getBackoffTimeMillis() {
    return delayMillis;
  }

  @Override
  public String toString() {
    return "FixedDelayRestartBackoffTimeStrategy(attempts="
        + maxRestartAttempts
        + ", delay="
        + delayMillis
        + "ms)";
  }
}
