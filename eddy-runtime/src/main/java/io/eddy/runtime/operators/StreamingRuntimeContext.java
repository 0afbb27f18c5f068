package io.eddy.runtime.operators;

import io.eddy.api.common.accumulators.Accumulator;
import io.eddy.api.common.functions.RuntimeContext;
import java.io.Serializable;
import java.util.Map;

/** The runtime context of one operator in one subtask. Accumulators are shared by the task. */
public final class StreamingRuntimeContext implements RuntimeContext {
  private final String jobName;
  private final String taskName;
  private final int subtaskIndex;
  private final int parallelism;
  private final int maxParallelism;
  private final int attemptNumber;
  private final ClassLoader userCodeClassLoader;
  private final Map<String, Accumulator<?, ?>> accumulators;

  public StreamingRuntimeContext(
      String jobName,
      String taskName,
      int subtaskIndex,
      int parallelism,
      int maxParallelism,
      int attemptNumber,
      ClassLoader userCodeClassLoader,
      Map<String, Accumulator<?, ?>> accumulators) {
    this.jobName = jobName;
    this.taskName = taskName;
    this.subtaskIndex = subtaskIndex;
    this.parallelism = parallelism;
    this.maxParallelism = maxParallelism;
    this.attemptNumber = attemptNumber;
    this.userCodeClassLoader = userCodeClassLoader;
    this.accumulators = accumulators;
  }

  @Override
  public String getJobName() {
    return jobName;
  }

  @Override
  public String getTaskName() {
    return taskName;
  }

  @Override
  public int getIndexOfThisSubtask() {
    return subtaskIndex;
  }

  @Override
  public int getNumberOfParallelSubtasks() {
    return parallelism;
  }

  @Override
  public int getMaxNumberOfParallelSubtasks() {
    return maxParallelism;
  }

  @Override
  public int getAttemptNumber() {
    return attemptNumber;
  }

  @Override
  public ClassLoader getUserCodeClassLoader() {
    return userCodeClassLoader;
  }

  @Override
  public <V, A extends Serializable> void addAccumulator(
      String name, Accumulator<V, A> accumulator) {
    if (accumulators.putIfAbsent(name, accumulator) != null) {
      throw new IllegalStateException(
          "An accumulator named '" + name + "' already exists in this task; pick another name.");
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <V, A extends Serializable> Accumulator<V, A> getAccumulator(String name) {
    return (Accumulator<V, A>) accumulators.get(name);
  }

  /** A context for another operator of the same task. */
  public StreamingRuntimeContext forOperator(String operatorName) {
    return new StreamingRuntimeContext(
        jobName,
        operatorName,
        subtaskIndex,
        parallelism,
        maxParallelism,
        attemptNumber,
        userCodeClassLoader,
        accumulators);
  }
}
