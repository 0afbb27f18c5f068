package io.eddy.api.connector.sink;

/** What a sink writer learns about where it runs. */
public interface WriterInitContext {
  int getSubtaskId();

  int getNumberOfParallelSubtasks();

  int getAttemptNumber();

  String getJobName();
}
