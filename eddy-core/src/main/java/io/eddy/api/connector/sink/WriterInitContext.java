package io.eddy.api.connector.sink;

import io.eddy.api.annotation.Public;

/** What a sink writer learns about where it runs. */
@Public
public interface WriterInitContext {
  int getSubtaskId();

  int getNumberOfParallelSubtasks();

  int getAttemptNumber();

  String getJobName();

  /** The task's processing time in milliseconds (a manual clock in tests). */
  default long currentProcessingTime() {
    return System.currentTimeMillis();
  }

  /**
   * Calls {@code callback} once, on the task thread between two records, when the processing time
   * reaches {@code timeMillis}.
   *
   * @throws UnsupportedOperationException if the context has no timers
   */
  default void registerProcessingTimer(long timeMillis, ProcessingTimeCallback callback) {
    throw new UnsupportedOperationException("This writer context has no processing-time timers.");
  }

  /** A processing-time timer of a sink writer. */
  @FunctionalInterface
  interface ProcessingTimeCallback {
    void onProcessingTime(long timeMillis) throws Exception;
  }
}
