package io.eddy.runtime.scheduler.restart;

/**
 * Decides, after each failure of a job, whether it restarts and how long it waits first. The
 * JobMaster calls {@link #notifyFailure} once per failure, then asks {@link #canRestart} and {@link
 * #getBackoffTimeMillis}. The time is passed in rather than read, so the decisions are testable
 * without sleeping. Not thread-safe: the JobMaster's main thread owns it.
 */
public interface RestartBackoffTimeStrategy {

  /** Records a failure that happened at {@code nowMillis} (milliseconds since the epoch). */
  void notifyFailure(Throwable cause, long nowMillis);

  /** Whether the job may restart after the failures recorded so far. */
  boolean canRestart();

  /** How long to wait before restarting after the last recorded failure (0 or more). */
  long getBackoffTimeMillis();
}
