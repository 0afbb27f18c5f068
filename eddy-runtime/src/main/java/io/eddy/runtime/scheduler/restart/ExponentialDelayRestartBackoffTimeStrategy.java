package io.eddy.runtime.scheduler.restart;

import java.util.Random;

/**
 * Restarts forever. The first failure waits the initial backoff; each further failure multiplies
 * the wait, up to the maximum, unless the job ran for the reset threshold without failing since its
 * last restart, which drops the wait back to the initial backoff. The wait returned is moved by a
 * random amount within ±jitterFactor of itself, so that jobs failing together (say, when a shared
 * external system goes down) spread their restarts.
 */
final class ExponentialDelayRestartBackoffTimeStrategy implements RestartBackoffTimeStrategy {
  private final long initialBackoffMillis;
  private final long maxBackoffMillis;
  private final double multiplier;
  private final long resetThresholdMillis;
  private final double jitterFactor;
  private final Random random;

  /** The wait before jitter; 0 before the first failure. */
  private long currentBackoffMillis;

  /** The wait handed out for the last failure, with jitter. */
  private long jitteredBackoffMillis;

  private long lastFailureMillis;
  private boolean failedBefore;

  ExponentialDelayRestartBackoffTimeStrategy(
      long initialBackoffMillis,
      long maxBackoffMillis,
      double multiplier,
      long resetThresholdMillis,
      double jitterFactor,
      Random random) {
    this.initialBackoffMillis = initialBackoffMillis;
    this.maxBackoffMillis = maxBackoffMillis;
    this.multiplier = multiplier;
    this.resetThresholdMillis = resetThresholdMillis;
    this.jitterFactor = jitterFactor;
    this.random = random;
  }

  @Override
  public void notifyFailure(Throwable cause, long nowMillis) {
    if (!failedBefore || ranLongEnoughSinceRestart(nowMillis)) {
      currentBackoffMillis = initialBackoffMillis;
    } else {
      // double arithmetic, then clamp: a large multiplier must saturate at the maximum, not wrap
      double grown = currentBackoffMillis * multiplier;
      currentBackoffMillis = grown >= maxBackoffMillis ? maxBackoffMillis : (long) grown;
    }
    failedBefore = true;
    lastFailureMillis = nowMillis;
    jitteredBackoffMillis = withJitter(currentBackoffMillis);
  }

  /** The job restarted after the last failure's wait; it counts as healthy from then on. */
  private boolean ranLongEnoughSinceRestart(long nowMillis) {
    long restartedAt = lastFailureMillis + jitteredBackoffMillis;
    return nowMillis - restartedAt >= resetThresholdMillis;
  }

  private long withJitter(long backoff) {
    if (jitterFactor == 0 || backoff == 0) {
      return backoff;
    }
    double offset = backoff * jitterFactor * (2 * random.nextDouble() - 1); // [-j, +j) * backoff
    return Math.max(0, Math.round(backoff + offset));
  }

  @Override
  public boolean canRestart() {
    return true;
  }

  @Override
  public long getBackoffTimeMillis() {
    return jitteredBackoffMillis;
  }

  @Override
  public String toString() {
    return "ExponentialDelayRestartBackoffTimeStrategy(current=" + currentBackoffMillis + "ms)";
  }
}
