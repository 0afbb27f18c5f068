package io.eddy.runtime.task;

import java.util.concurrent.ScheduledFuture;

/**
 * Wall-clock time and timers for operators. Callbacks run as mails on the task thread, so they
 * never race with element processing.
 */
public interface ProcessingTimeService {
  long getCurrentProcessingTime();

  /** Runs {@code callback} on the task thread at (or soon after) {@code timestamp}. */
  ScheduledFuture<?> registerTimer(long timestamp, ProcessingTimeCallback callback);

  /** Runs {@code callback} on the task thread every {@code periodMillis}. */
  ScheduledFuture<?> scheduleAtFixedRate(
      ProcessingTimeCallback callback, long initialDelayMillis, long periodMillis);

  /** A timer callback; gets the time it was scheduled for. */
  @FunctionalInterface
  interface ProcessingTimeCallback {
    void onProcessingTime(long timestamp) throws Exception;
  }
}
