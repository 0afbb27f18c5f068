/**
 * Restart strategies: {@link RestartBackoffTimeStrategies} turns a job's {@code
 * RestartStrategyConfig} into a {@link RestartBackoffTimeStrategy} (none, fixed delay, exponential
 * delay, failure rate) that the JobMaster's restart controller asks after each failure whether to
 * restart and how long to wait. The time is passed in, so strategies are tested without a clock.
 * Part of the {@code scheduler} layer: it may import {@code source}, {@code checkpoint} and every
 * layer under them.
 */
package io.eddy.runtime.scheduler.restart;
