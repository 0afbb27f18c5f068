package io.eddy.runtime.state.ttl;

/**
 * The clock that state time-to-live is measured with, in milliseconds. Called on the task thread on
 * state access; implementations must be cheap.
 */
@FunctionalInterface
public interface TtlTimeProvider {
  /** The wall clock: {@link System#currentTimeMillis()}. */
  TtlTimeProvider SYSTEM = System::currentTimeMillis;

  long currentTimestamp();
}
