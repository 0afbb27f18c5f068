package io.eddy.runtime.state.heap;

import io.eddy.api.common.functions.AggregateFunction;
import io.eddy.api.common.state.AggregatingState;
import io.eddy.runtime.state.InternalMergingState;

/** {@link AggregatingState} on the heap: one accumulator per key. Task thread only. */
final class HeapAggregatingState<K, IN, ACC, OUT> extends AbstractHeapSingleValueState<K, ACC>
    implements AggregatingState<IN, OUT>, InternalMergingState {
  private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

  HeapAggregatingState(
      HeapKeyedStateBackend<K> backend,
      String name,
      TtlPolicy ttl,
      StateMap.Copier copier,
      AggregateFunction<IN, ACC, OUT> aggregateFunction) {
    super(backend, name, ttl, copier);
    this.aggregateFunction = aggregateFunction;
  }

  @Override
  public OUT get() {
    ACC accumulator = getValue();
    return accumulator == null ? null : aggregateFunction.getResult(accumulator);
  }

  @Override
  public void add(IN value) {
    ACC accumulator = getValue();
    if (accumulator == null) {
      accumulator = aggregateFunction.createAccumulator();
    }
    ACC result = aggregateFunction.add(value, accumulator);
    if (result == null) {
      clear();
    } else {
      setValue(result);
    }
  }

  @Override
  protected ACC mergeValues(ACC a, ACC b) {
    return aggregateFunction.merge(a, b);
  }
}
