package io.eddy.runtime.scheduler.restart;

import io.eddy.api.common.restartstrategy.RestartStrategies;
import io.eddy.api.common.restartstrategy.RestartStrategyConfig;
import java.time.Duration;
import java.util.Random;

/** Turns a job's {@link RestartStrategyConfig} into the JobMaster's restart decisions. */
public final class RestartBackoffTimeStrategies {
  /** The delay of the default strategy of checkpointed jobs. */
  public static final Duration DEFAULT_CHECKPOINTING_DELAY = Duration.ofSeconds(1);

  private RestartBackoffTimeStrategies() {}

  /**
   * The strategy of a job: the configured one, or if the user set none (null), the default as Flink
   * users know it: no restart without checkpointing (a restart would replay from the start and
   * duplicate all output), and with checkpointing fixed delay with practically unlimited attempts
   * and one second delay (the job resumes from its last checkpoint, so restarting is safe).
   */
  public static RestartBackoffTimeStrategy forJob(
      RestartStrategyConfig configuredOrNull, boolean checkpointingEnabled) {
    return create(defaultIfUnset(configuredOrNull, checkpointingEnabled), new Random());
  }

  /** The configuration {@link #forJob} uses. */
  public static RestartStrategyConfig defaultIfUnset(
      RestartStrategyConfig configuredOrNull, boolean checkpointingEnabled) {
    if (configuredOrNull != null) {
      return configuredOrNull;
    }
    return checkpointingEnabled
        ? RestartStrategies.fixedDelayRestart(Integer.MAX_VALUE, DEFAULT_CHECKPOINTING_DELAY)
        : RestartStrategies.noRestart();
  }

  /**
   * The strategy of {@code config}; {@code random} draws the jitter of the exponential delay (tests
   * pass a seeded one).
   */
  public static RestartBackoffTimeStrategy create(RestartStrategyConfig config, Random random) {
    if (config instanceof RestartStrategyConfig.NoRestart) {
      return new NoRestartBackoffTimeStrategy();
    } else if (config instanceof RestartStrategyConfig.FixedDelay f) {
      return new FixedDelayRestartBackoffTimeStrategy(f.restartAttempts(), f.delay().toMillis());
    } else if (config instanceof RestartStrategyConfig.ExponentialDelay e) {
      return new ExponentialDelayRestartBackoffTimeStrategy(
          e.initialBackoff().toMillis(),
          e.maxBackoff().toMillis(),
          e.backoffMultiplier(),
          e.resetBackoffThreshold().toMillis(),
          e.jitterFactor(),
          random);
    } else if (config instanceof RestartStrategyConfig.FailureRate r) {
      return new FailureRateRestartBackoffTimeStrategy(
          r.maxFailuresPerInterval(), r.failureInterval().toMillis(), r.delay().toMillis());
    }
    throw new IllegalArgumentException("Unknown restart strategy: " + config);
  }
}
