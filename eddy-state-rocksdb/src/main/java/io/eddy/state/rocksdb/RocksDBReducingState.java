package io.eddy.state.rocksdb;

import io.eddy.api.common.functions.ReduceFunction;
import io.eddy.api.common.state.ReducingState;
import io.eddy.api.common.state.StateDescriptor;
import io.eddy.runtime.state.InternalMergingState;
import org.rocksdb.ColumnFamilyHandle;

/** {@link ReducingState} in RocksDB: the reduced value per key. Task thread only. */
final class RocksDBReducingState<K, T> extends AbstractRocksDBSingleValueState<K, T>
    implements ReducingState<T>, InternalMergingState {
  private final ReduceFunction<T> reduceFunction;

  RocksDBReducingState(
      RocksDBKeyedStateBackend<K> backend,
      String name,
      ColumnFamilyHandle column,
      Ttl ttl,
      Elements<T> elements,
      ReduceFunction<T> reduceFunction) {
    super(backend, name, StateDescriptor.Type.REDUCING, column, ttl, elements);
    this.reduceFunction = reduceFunction;
  }

  @Override
  public T get() {
    return getValue();
  }

  @Override
  public void add(T value) {
    if (value == null) {
      return;
    }
    T current = getValue();
    T result = current == null ? value : mergeValues(current, value);
    if (result == null) {
      clear();
    } else {
      setValue(result);
    }
  }

  @Override
  T mergeValues(T a, T b) {
    try {
      return reduceFunction.reduce(a, b);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("The reduce function of state '" + name + "' failed", e);
    }
  }
}
