package io.eddy.runtime.operators;

import io.eddy.api.common.accumulators.Accumulator;
import io.eddy.api.common.functions.RuntimeContext;
import io.eddy.api.common.state.AggregatingState;
import io.eddy.api.common.state.AggregatingStateDescriptor;
import io.eddy.api.common.state.ListState;
import io.eddy.api.common.state.ListStateDescriptor;
import io.eddy.api.common.state.MapState;
import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.state.ReducingState;
import io.eddy.api.common.state.ReducingStateDescriptor;
import io.eddy.api.common.state.State;
import io.eddy.api.common.state.StateDescriptor;
import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.state.ValueStateDescriptor;
import io.eddy.runtime.state.KeyedStateBackend;
import java.io.Serializable;
import java.util.Map;

/**
 * The runtime context of one operator in one subtask. Accumulators are shared by the task; keyed
 * state comes from the operator's keyed state backend, which only operators on a keyed stream have.
 */
public final class StreamingRuntimeContext implements RuntimeContext {
  private final String jobName;
  private final String taskName;
  private final int subtaskIndex;
  private final int parallelism;
  private final int maxParallelism;
  private final int attemptNumber;
  private final ClassLoader userCodeClassLoader;
  private final Map<String, Accumulator<?, ?>> accumulators;
  private final KeyedStateBackend<?> keyedStateBackend;

  public StreamingRuntimeContext(
      String jobName,
      String taskName,
      int subtaskIndex,
      int parallelism,
      int maxParallelism,
      int attemptNumber,
      ClassLoader userCodeClassLoader,
      Map<String, Accumulator<?, ?>> accumulators) {
    this(
        jobName,
        taskName,
        subtaskIndex,
        parallelism,
        maxParallelism,
        attemptNumber,
        userCodeClassLoader,
        accumulators,
        null);
  }

  private StreamingRuntimeContext(
      String jobName,
      String taskName,
      int subtaskIndex,
      int parallelism,
      int maxParallelism,
      int attemptNumber,
      ClassLoader userCodeClassLoader,
      Map<String, Accumulator<?, ?>> accumulators,
      KeyedStateBackend<?> keyedStateBackend) {
    this.keyedStateBackend = keyedStateBackend;
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

  /** A context for another operator of the same task, without keyed state. */
  public StreamingRuntimeContext forOperator(String operatorName) {
    return forOperator(operatorName, null);
  }

  /**
   * A context for another operator of the same task whose keyed state is {@code keyedStateBackend}
   * (null for an operator that is not keyed).
   */
  public StreamingRuntimeContext forOperator(
      String operatorName, KeyedStateBackend<?> keyedStateBackend) {
    return new StreamingRuntimeContext(
        jobName,
        operatorName,
        subtaskIndex,
        parallelism,
        maxParallelism,
        attemptNumber,
        userCodeClassLoader,
        accumulators,
        keyedStateBackend);
  }

  @Override
  public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
    return keyedState(descriptor);
  }

  @Override
  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    return keyedState(descriptor);
  }

  @Override
  public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
    return keyedState(descriptor);
  }

  @Override
  public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
    return keyedState(descriptor);
  }

  @Override
  public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
    return keyedState(descriptor);
  }

  private <S extends State> S keyedState(StateDescriptor<S, ?> descriptor) {
    java.util.Objects.requireNonNull(descriptor, "descriptor");
    if (keyedStateBackend == null) {
      throw new IllegalStateException(
          "Keyed state can only be used on a keyed stream: call keyBy(...) before '"
              + taskName
              + "', which asks for state '"
              + descriptor.getName()
              + "'.");
    }
    return keyedStateBackend.getOrCreateKeyedState(descriptor);
  }
}
