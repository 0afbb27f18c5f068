package io.eddy.api.common.state;

import io.eddy.api.annotation.Public;

/**
 * Where keyed state comes from, e.g. the per-window and global state of a window function's
 * context. Task thread only.
 */
@Public
public interface KeyedStateStore {
  <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

  <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

  <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor);

  <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor);

  <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor);
}
