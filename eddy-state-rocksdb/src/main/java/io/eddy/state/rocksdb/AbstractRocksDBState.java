package io.eddy.state.rocksdb;

import io.eddy.api.common.state.State;
import io.eddy.api.common.state.StateDescriptor;
import io.eddy.runtime.state.InternalKvState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksIterator;

/**
 * Base of the RocksDB keyed states: one column family per state, a row per (key, namespace) — or,
 * for map state, per (key, namespace, map key) — in the layout of {@link RowKeys}. Task thread
 * only.
 */
abstract class AbstractRocksDBState<K> implements State, InternalKvState {
  final RocksDBKeyedStateBackend<K> backend;
  final String name;
  final StateDescriptor.Type kind;
  final ColumnFamilyHandle column;
  final Ttl ttl;
  private Object namespace;

  AbstractRocksDBState(
      RocksDBKeyedStateBackend<K> backend,
      String name,
      StateDescriptor.Type kind,
      ColumnFamilyHandle column,
      Ttl ttl) {
    this.backend = backend;
    this.name = name;
    this.kind = kind;
    this.column = column;
    this.ttl = ttl;
  }

  @Override
  public final void setCurrentNamespace(Object namespace) {
    this.namespace = namespace;
  }

  @Override
  public final Object getCurrentNamespace() {
    return namespace;
  }

  /** The row key of the current key in the current namespace. */
  final byte[] currentRow() {
    return backend.rowKeys().row(namespace);
  }

  final byte[] get(byte[] row) {
    return backend.get(column, row);
  }

  final void put(byte[] row, byte[] value) {
    backend.put(column, row, value);
  }

  final void delete(byte[] row) {
    backend.delete(column, row);
  }

  @Override
  public void clear() {
    delete(currentRow());
  }

  @Override
  public boolean hasEntry() {
    return get(currentRow()) != null;
  }

  @Override
  public final void forEachNamespacedEntry(BiConsumer<Object, Object> action) {
    // collected first: the action may change the state
    List<Object[]> entries = new ArrayList<>();
    byte[] lastPrefix = null;
    try (RocksIterator it = backend.newIterator(column)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        byte[] row = it.key();
        RowKeys.Parsed parsed = RowKeys.parse(row);
        if (!parsed.hasNamespace()) {
          continue;
        }
        int prefixEnd = parsed.prefixEnd();
        if (lastPrefix != null
            && RowKeys.startsWith(row, lastPrefix, lastPrefix.length)
            && lastPrefix.length == prefixEnd) {
          continue; // another map entry of the same (key, namespace)
        }
        lastPrefix = java.util.Arrays.copyOf(row, prefixEnd);
        entries.add(
            new Object[] {
              backend.deserializeKey(parsed.key(row)),
              backend.deserializeNamespace(parsed.namespace(row))
            });
      }
    }
    for (Object[] entry : entries) {
      action.accept(entry[0], entry[1]);
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + name + ")";
  }
}
