package io.eddy.state.rocksdb;

import io.eddy.api.common.state.StateDescriptor;
import io.eddy.api.common.state.ValueState;
import org.rocksdb.ColumnFamilyHandle;

/** {@link ValueState} in RocksDB (also the runtime's internal value states). Task thread only. */
final class RocksDBValueState<K, V> extends AbstractRocksDBSingleValueState<K, V>
    implements ValueState<V> {
  private final V defaultValue;

  RocksDBValueState(
      RocksDBKeyedStateBackend<K> backend,
      String name,
      ColumnFamilyHandle column,
      Ttl ttl,
      Elements<V> elements,
      V defaultValue) {
    super(backend, name, StateDescriptor.Type.VALUE, column, ttl, elements);
    this.defaultValue = defaultValue;
  }

  @Override
  public V value() {
    V value = getValue();
    return value == null ? defaultValue : value;
  }

  @Override
  public void update(V value) {
    if (value == null) {
      clear();
    } else {
      setValue(value);
    }
  }
}
