package io.eddy.state.rocksdb;

import io.eddy.api.common.functions.AggregateFunction;
import io.eddy.api.common.state.AggregatingState;
import io.eddy.api.common.state.StateDescriptor;
import io.eddy.runtime.state.InternalMergingState;
import org.rocksdb.ColumnFamilyHandle;

/** {@link AggregatingState} in RocksDB: one accumulator per key. Task thread only. */
final class RocksDBAggregatingState<K, IN, ACC, OUT> extends AbstractRocksDBSingleValueState<K, ACC>
    implements AggregatingState<IN, OUT>, InternalMergingState {
  private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

  RocksDBAggregatingState(
      RocksDBKeyedStateBackend<K> backend,
      String name,
      ColumnFamilyHandle column,
      Ttl ttl,
      Elements<ACC> elements,
      AggregateFunction<IN, ACC, OUT> aggregateFunction) {
    super(backend, name, StateDescriptor.Type.AGGREGATING, column, ttl, elements);
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
  ACC mergeValues(ACC a, ACC b) {
    return aggregateFunction.merge(a, b);
  }
}
