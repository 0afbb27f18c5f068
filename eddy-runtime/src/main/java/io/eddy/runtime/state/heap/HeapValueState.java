package io.eddy.runtime.state.heap;

import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.typeutils.TypeSerializer;

/**
 * One value per key, stored in one {@link StateMap} per key group: the lean state of the runtime's
 * own operators (reduce, aggregations), without namespaces or TTL. Its serializer makes it part of
 * snapshots. Task thread only.
 */
public final class HeapValueState<K, V> implements ValueState<V> {
  private final HeapKeyedStateBackend<K> backend;
  private final String name;
  private final TypeSerializer<V> serializer;
  final StateTable<Object, Object> table;

  HeapValueState(
      HeapKeyedStateBackend<K> backend,
      String name,
      TypeSerializer<V> serializer,
      int numKeyGroups) {
    this.backend = backend;
    this.name = name;
    this.serializer = serializer;
    // mutable values are copied before a caller may change them while a snapshot shares them
    StateMap.Copier copier =
        serializer == null ? null : new StoredValueCodec(serializer.duplicate()).copier(false);
    this.table = new StateTable<>(numKeyGroups, copier, backend.snapshotVersions());
  }

  /**
   * The current key's value, or null. A mutable value may be changed and stored again; while a
   * snapshot that shares it is being written, it is a copy.
   */
  @Override
  @SuppressWarnings("unchecked")
  public V value() {
    return (V) currentMap().get(backend.getCurrentKey(), backend.getCurrentKeyHash());
  }

  @Override
  public void update(V value) {
    if (value == null) {
      clear();
      return;
    }
    currentMap().put(backend.getCurrentKey(), backend.getCurrentKeyHash(), value);
  }

  @Override
  public void clear() {
    currentMap().remove(backend.getCurrentKey(), backend.getCurrentKeyHash());
  }

  String name() {
    return name;
  }

  /** The serializer of the values, or null if the state cannot be snapshotted. */
  TypeSerializer<V> serializer() {
    return serializer;
  }

  /** Number of keys with a value in key group {@code keyGroupIndex} (relative to the range). */
  int size(int keyGroupIndex) {
    return table.map(keyGroupIndex).size();
  }

  private StateMap<Object, Object> currentMap() {
    return table.map(backend.getCurrentKeyGroupIndex());
  }
}
