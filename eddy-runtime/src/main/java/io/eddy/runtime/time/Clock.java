package io.eddy.runtime.time;

/**
 * The source of processing time for tasks: reads the time and runs an action when the time is
 * reached. The TaskManagers of a cluster use a {@link SystemClock}; tests give the MiniCluster a
 * {@link ManualClock} and advance it themselves, so processing-time timers fire exactly when the
 * test says (see {@code MiniClusterConfig.withClock}).
 *
 * <p>Implementations are thread safe. Actions run on a clock thread (or the thread advancing a
 * manual clock) and must be short: the task's processing-time service only enqueues a mail, so the
 * timer's work runs on the task thread.
 */
public interface Clock {
  /** Milliseconds since the epoch. */
  long currentTimeMillis();

  /** Runs {@code action} once the time reaches {@code timeMillis} (at once if it has). */
  Cancellable schedule(long timeMillis, Runnable action);

  /** A scheduled action that can be cancelled. */
  @FunctionalInterface
  interface Cancellable {
    /** Cancels the action if it has not run yet. */
    void cancel();
  }
}
