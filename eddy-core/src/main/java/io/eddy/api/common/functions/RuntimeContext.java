package io.eddy.api.common.functions;

import io.eddy.api.annotation.Public;
import io.eddy.api.common.accumulators.Accumulator;
import io.eddy.api.common.state.AggregatingState;
import io.eddy.api.common.state.AggregatingStateDescriptor;
import io.eddy.api.common.state.ListState;
import io.eddy.api.common.state.ListStateDescriptor;
import io.eddy.api.common.state.MapState;
import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.state.ReducingState;
import io.eddy.api.common.state.ReducingStateDescriptor;
import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.state.ValueStateDescriptor;
import java.io.Serializable;

/**
 * What a running function can learn about where it runs, and its keyed state.
 *
 * <p>Keyed state ({@link #getState}, {@link #getListState}, {@link #getMapState}, {@link
 * #getReducingState}, {@link #getAggregatingState}) exists for functions applied directly to a
 * keyed stream ({@code stream.keyBy(...).map(...)}, {@code .flatMap}, {@code .filter}, {@code
 * .process}). Get the state handles in {@code open()} and keep them in fields; each call on a
 * handle reads or writes the value of the key of the record being processed. State is accessed on
 * the task thread only. On a stream that is not keyed these methods throw {@link
 * IllegalStateException}.
 */
@Public
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
  <V, A extends Serializable> void addAccumulator(String name, Accumulator<V, A> accumulator);

  <V, A extends Serializable> Accumulator<V, A> getAccumulator(String name);

  /** The value state {@code descriptor} names, created on first use. */
  <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

  /** The list state {@code descriptor} names, created on first use. */
  <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

  /** The map state {@code descriptor} names, created on first use. */
  <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor);

  /** The reducing state {@code descriptor} names, created on first use. */
  <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor);

  /** The aggregating state {@code descriptor} names, created on first use. */
  <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor);
}
