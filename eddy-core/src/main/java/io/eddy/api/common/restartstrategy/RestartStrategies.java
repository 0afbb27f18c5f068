package io.eddy.api.common.restartstrategy;

import io.eddy.api.annotation.Public;
import java.time.Duration;

/**
 * Creates {@link RestartStrategyConfig restart strategies} for {@code
 * StreamExecutionEnvironment.setRestartStrategy}:
 *
 * <pre>{@code
 * env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, Duration.ofSeconds(10)));
 * }</pre>
 *
 * If a job sets none, it does not restart unless checkpointing is enabled, in which case it
 * restarts forever with a fixed delay of one second.
 */
@Public
public final class RestartStrategies {
  private RestartStrategies() {}

  /** The job fails at its first failure. */
  public static RestartStrategyConfig noRestart() {
    return new RestartStrategyConfig.NoRestart();
  }

  /** Restarts up to {@code restartAttempts} times, waiting {@code delay} before each. */
  public static RestartStrategyConfig fixedDelayRestart(int restartAttempts, Duration delay) {
    return new RestartStrategyConfig.FixedDelay(restartAttempts, delay);
  }

  /** Restarts forever with a growing wait; see {@link RestartStrategyConfig.ExponentialDelay}. */
  public static RestartStrategyConfig exponentialDelayRestart(
      Duration initialBackoff,
      Duration maxBackoff,
      double backoffMultiplier,
      Duration resetBackoffThreshold,
      double jitterFactor) {
    return new RestartStrategyConfig.ExponentialDelay(
        initialBackoff, maxBackoff, backoffMultiplier, resetBackoffThreshold, jitterFactor);
  }

  /**
   * Restarts while there are at most {@code maxFailuresPerInterval} failures within any {@code
   * failureInterval}, waiting {@code delay} before each restart.
   */
  public static RestartStrategyConfig failureRateRestart(
      int maxFailuresPerInterval, Duration failureInterval, Duration delay) {
    return new RestartStrategyConfig.FailureRate(maxFailuresPerInterval, failureInterval, delay);
  }
}
