package io.eddy.api.common.restartstrategy;

import io.eddy.api.annotation.Public;
import java.io.Serializable;
import java.time.Duration;

/**
 * How a job recovers from failures: whether it restarts and how long it waits first. Created with
 * {@link RestartStrategies}; the JobMaster turns it into the decision logic. Every variant checks
 * its arguments when created, so a bad setting fails where the user wrote it, not at the first
 * failure of a running job.
 */
@Public
public sealed interface RestartStrategyConfig extends Serializable {

  /** A short description for logs and the web UI. */
  String describe();

  /** The job fails at its first failure. */
  record NoRestart() implements RestartStrategyConfig {
    @Override
    public String describe() {
      return "no restart";
    }
  }

  /**
   * Restarts up to {@code restartAttempts} times, waiting {@code delay} before each restart.
   *
   * @param restartAttempts how many restarts are allowed in the job's life (0 or more)
   * @param delay the wait before each restart (0 or more)
   */
  record FixedDelay(int restartAttempts, Duration delay) implements RestartStrategyConfig {
    private static final long serialVersionUID = 1L;

    public FixedDelay {
      if (restartAttempts < 0) {
        throw new IllegalArgumentException(
            "Restart attempts must be 0 or more, but was " + restartAttempts + ".");
      }
      checkNonNegative("restart delay", delay);
    }

    @Override
    public String describe() {
      return "fixed delay (" + restartAttempts + " attempts, " + delay.toMillis() + " ms delay)";
    }
  }

  /**
   * Restarts forever, waiting longer after each failure that follows closely on the previous one.
   *
   * @param initialBackoff the wait before the first restart, and again after a reset (more than 0)
   * @param maxBackoff the longest wait (at least {@code initialBackoff})
   * @param backoffMultiplier the factor the wait grows by from one failure to the next (at least 1)
   * @param resetBackoffThreshold after the job ran this long without failing, the wait drops back
   *     to {@code initialBackoff} (more than 0)
   * @param jitterFactor the wait is moved randomly by up to this fraction of itself, up or down, so
   *     that many jobs failing together do not restart in lockstep (between 0 and 1)
   */
  record ExponentialDelay(
      Duration initialBackoff,
      Duration maxBackoff,
      double backoffMultiplier,
      Duration resetBackoffThreshold,
      double jitterFactor)
      implements RestartStrategyConfig {
    private static final long serialVersionUID = 1L;

    public ExponentialDelay {
      checkPositive("initial backoff", initialBackoff);
      checkPositive("maximum backoff", maxBackoff);
      checkPositive("reset backoff threshold", resetBackoffThreshold);
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException(
            "The maximum backoff ("
                + maxBackoff.toMillis()
                + " ms) must not be below the initial backoff ("
                + initialBackoff.toMillis()
                + " ms).");
      }
      if (!(backoffMultiplier >= 1.0) || Double.isInfinite(backoffMultiplier)) {
        throw new IllegalArgumentException(
            "The backoff multiplier must be a finite number of at least 1, but was "
                + backoffMultiplier
                + ".");
      }
      if (!(jitterFactor >= 0.0 && jitterFactor <= 1.0)) {
        throw new IllegalArgumentException(
            "The jitter factor must be between 0 and 1, but was " + jitterFactor + ".");
      }
    }

    @Override
    public String describe() {
      return "exponential delay ("
          + initialBackoff.toMillis()
          + " ms to "
          + maxBackoff.toMillis()
          + " ms, x"
          + backoffMultiplier
          + ", reset after "
          + resetBackoffThreshold.toMillis()
          + " ms, jitter "
          + jitterFactor
          + ")";
    }
  }

  /**
   * Restarts as long as the job fails at most {@code maxFailuresPerInterval} times within any
   * window of {@code failureInterval}, waiting {@code delay} before each restart.
   *
   * @param maxFailuresPerInterval failures tolerated within the interval (more than 0)
   * @param failureInterval the length of the sliding window (more than 0)
   * @param delay the wait before each restart (0 or more)
   */
  record FailureRate(int maxFailuresPerInterval, Duration failureInterval, Duration delay)
      implements RestartStrategyConfig {
    private static final long serialVersionUID = 1L;

    public FailureRate {
      if (maxFailuresPerInterval <= 0) {
        throw new IllegalArgumentException(
            "Failures per interval must be more than 0, but was " + maxFailuresPerInterval + ".");
      }
      checkPositive("failure interval", failureInterval);
      checkNonNegative("restart delay", delay);
    }

    @Override
    public String describe() {
      return "failure rate (at most "
          + maxFailuresPerInterval
          + " failures per "
          + failureInterval.toMillis()
          + " ms, "
          + delay.toMillis()
          + " ms delay)";
    }
  }

  private static void checkNonNegative(String what, Duration d) {
    if (d == null) {
      throw new IllegalArgumentException("The " + what + " must not be null.");
    }
    if (d.isNegative()) {
      throw new IllegalArgumentException(
          "The " + what + " must be 0 or more, but was " + d.toMillis() + " ms.");
    }
  }

  private static void checkPositive(String what, Duration d) {
    if (d == null) {
      throw new IllegalArgumentException("The " + what + " must not be null.");
    }
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(
          "The " + what + " must be more than 0, but was " + d.toMillis() + " ms.");
    }
  }
}
