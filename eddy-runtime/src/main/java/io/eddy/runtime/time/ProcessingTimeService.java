package io.eddy.runtime.time;

/**
 * Processing time and timers for operators. Callbacks run as mails on the task thread, so they
 * never race with element processing. The time comes from the TaskManager's {@link Clock}: the
 * system clock, or a manual clock in tests.
 */
public interface ProcessingTimeService {
  long getCurrentProcessingTime();

  /** Runs {@code callback} on the task thread at (or soon after) {@code timestamp}. */
  Clock.Cancellable registerTimer(long timestamp, ProcessingTimeCallback callback);

  /**
   * Runs {@code callback} on the task thread every {@code periodMillis}, the first time after
   * {@code initialDelayMillis}.
   */
  Clock.Cancellable scheduleAtFixedRate(
      ProcessingTimeCallback callback, long initialDelayMillis, long periodMillis);

  /** A timer callback; gets the time it was scheduled for. */
  @FunctionalInterface
  interface ProcessingTimeCallback {
    void onProcessingTime(long timestamp) throws Exception;
  }
}
