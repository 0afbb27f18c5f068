package io.eddy.core.testutils.source;

import io.eddy.api.connector.source.SourceReaderContext;

/** A reader context that counts split requests; requests are answered by the test. */
public final class TestingSourceReaderContext implements SourceReaderContext {
  private final int subtask;
  private final int parallelism;
  private int splitRequests;

  public TestingSourceReaderContext() {
    this(0, 1);
  }

  public TestingSourceReaderContext(int subtask, int parallelism) {
    this.subtask = subtask;
    this.parallelism = parallelism;
  }

  @Override
  public int getIndexOfSubtask() {
    return subtask;
  }

  @Override
  public int currentParallelism() {
    return parallelism;
  }

  @Override
  public synchronized void sendSplitRequest() {
    splitRequests++;
  }

  public synchronized int splitRequests() {
    return splitRequests;
  }

  @Override
  public ClassLoader getUserCodeClassLoader() {
    return getClass().getClassLoader();
  }
}
