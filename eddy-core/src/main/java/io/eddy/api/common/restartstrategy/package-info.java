/**
 * How a job recovers from failures: {@link RestartStrategies} creates the {@link
 * RestartStrategyConfig} given to {@code env.setRestartStrategy} (no restart, fixed delay,
 * exponential delay, failure rate), which the JobMaster turns into restart decisions. It may import
 * {@code io.eddy.api.annotation} and other {@code io.eddy.api} packages; no public signature names
 * a core, internal or {@code @Internal} type ({@code ApiSignaturesTest}), and nothing in eddy-core
 * imports the runtime.
 */
package io.eddy.api.common.restartstrategy;
