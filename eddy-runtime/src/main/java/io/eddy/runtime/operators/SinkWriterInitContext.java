package io.eddy.runtime.operators;

import io.eddy.api.connector.sink.WriterInitContext;
import io.eddy.runtime.time.ProcessingTimeService;

/** A sink writer's view of its subtask; timers run as mails on the task thread. */
final class SinkWriterInitContext implements WriterInitContext {
  private final StreamingRuntimeContext runtimeContext;
  private final ProcessingTimeService timeService;

  SinkWriterInitContext(
      StreamingRuntimeContext runtimeContext, ProcessingTimeService processingTimeService) {
    this.runtimeContext = runtimeContext;
    this.timeService = processingTimeService;
  }

  @Override
  public int getSubtaskId() {
    return runtimeContext.getIndexOfThisSubtask();
  }

  @Override
  public int getNumberOfParallelSubtasks() {
    return runtimeContext.getNumberOfParallelSubtasks();
  }

  @Override
  public int getAttemptNumber() {
    return runtimeContext.getAttemptNumber();
  }

  @Override
  public String getJobName() {
    return runtimeContext.getJobName();
  }

  @Override
  public long currentProcessingTime() {
    return timeService == null
        ? System.currentTimeMillis()
        : timeService.getCurrentProcessingTime();
  }

  @Override
  public void registerProcessingTimer(long timeMillis, ProcessingTimeCallback callback) {
    if (timeService == null) {
      WriterInitContext.super.registerProcessingTimer(timeMillis, callback);
    }
    timeService.registerTimer(timeMillis, callback::onProcessingTime);
  }
}
