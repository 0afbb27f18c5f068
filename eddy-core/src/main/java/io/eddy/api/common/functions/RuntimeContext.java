package io.eddy.api.common.functions;

import io.eddy.api.common.accumulators.Accumulator;

/** What a running function can learn about where it runs. */
public interface RuntimeContext {
  String getJobName();

  /** Name of the operator the function belongs to. */
  String getTaskName();

  int getIndexOfThisSubtask();

  int getNumberOfParallelSubtasks();

  int getMaxNumberOfParallelSubtasks();

  /** 0 for the first run, incremented on each restart. */
  int getAttemptNumber();

  ClassLoader getUserCodeClassLoader();

  /** Registers an accumulator whose merged value appears in the job's result. */
  <V, A extends java.io.Serializable> void addAccumulator(
      String name, Accumulator<V, A> accumulator);

  <V, A extends java.io.Serializable> Accumulator<V, A> getAccumulator(String name);
}
