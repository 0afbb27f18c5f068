package io.eddy.state.rocksdb;

import io.eddy.api.common.state.StateDescriptor;
import java.util.Collection;
import org.rocksdb.ColumnFamilyHandle;

/**
 * A state with one value per (key, namespace): value, reducing and aggregating state. Reads
 * deserialize the stored bytes, so a value changed in place must be stored again to count. Task
 * thread only.
 */
abstract class AbstractRocksDBSingleValueState<K, V> extends AbstractRocksDBState<K> {
  final Elements<V> elements;

  AbstractRocksDBSingleValueState(
      RocksDBKeyedStateBackend<K> backend,
      String name,
      StateDescriptor.Type kind,
      ColumnFamilyHandle column,
      Ttl ttl,
      Elements<V> elements) {
    super(backend, name, kind, column, ttl);
    this.elements = elements;
  }

  /** The current value, or null (also when it expired, unless expired values are visible). */
  final V getValue() {
    byte[] row = currentRow();
    byte[] stored = get(row);
    if (stored == null) {
      return null;
    }
    V value = elements.decode(stored);
    if (ttl != null) {
      long now = ttl.now();
      if (ttl.isExpired(elements.lastTimestamp(), now)) {
        delete(row);
        return ttl.returnExpired() ? value : null;
      }
      if (ttl.updateOnRead()) {
        put(row, elements.encode(value, now));
      }
    }
    return value;
  }

  /** Stores {@code value} (not null) as the current value. */
  final void setValue(V value) {
    put(currentRow(), elements.encode(value, ttl == null ? 0 : ttl.now()));
  }

  /** Merges the values of {@code sources} into {@code target}, removing the sources' values. */
  public final void mergeNamespaces(Object target, Collection<?> sources) {
    Object saved = getCurrentNamespace();
    try {
      V merged = null;
      for (Object source : sources) {
        setCurrentNamespace(source);
        V value = getValue();
        if (value != null) {
          delete(currentRow());
          merged = merged == null ? value : mergeValues(merged, value);
        }
      }
      if (merged != null) {
        setCurrentNamespace(target);
        V current = getValue();
        V result = current == null ? merged : mergeValues(current, merged);
        if (result == null) {
          delete(currentRow());
        } else {
          setValue(result);
        }
      }
    } finally {
      setCurrentNamespace(saved);
    }
  }

  /** Combines two values of one key (for merging namespaces); unsupported unless overridden. */
  V mergeValues(V a, V b) {
    throw new UnsupportedOperationException(name + " cannot merge values");
  }
}
