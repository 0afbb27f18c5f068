package io.eddy.runtime.operators;

import io.eddy.api.common.state.AggregatingState;
import io.eddy.api.common.state.AggregatingStateDescriptor;
import io.eddy.api.common.state.KeyedStateStore;
import io.eddy.api.common.state.ListState;
import io.eddy.api.common.state.ListStateDescriptor;
import io.eddy.api.common.state.MapState;
import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.state.ReducingState;
import io.eddy.api.common.state.ReducingStateDescriptor;
import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.state.ValueStateDescriptor;

/**
 * The keyed state of a function on a keyed stream as a {@link KeyedStateStore}, for {@code
 * CheckpointedFunction.initializeState}: the same states the function's runtime context gives.
 */
final class RuntimeContextKeyedStateStore implements KeyedStateStore {
  private final StreamingRuntimeContext context;

  RuntimeContextKeyedStateStore(StreamingRuntimeContext context) {
    this.context = context;
  }

  @Override
  public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
    return context.getState(descriptor);
  }

  @Override
  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    return context.getListState(descriptor);
  }

  @Override
  public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
    return context.getReducingState(descriptor);
  }

  @Override
  public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
    return context.getAggregatingState(descriptor);
  }

  @Override
  public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
    return context.getMapState(descriptor);
  }
}
