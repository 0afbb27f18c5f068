package io.eddy.runtime.state;

import java.util.HashMap;

/** One value per key, stored in one hash map per key group. */
public final class HeapValueState<K, V> {
  private final HeapKeyedStateBackend<K> backend;
  private final HashMap<K, V>[] maps;

  @SuppressWarnings("unchecked")
  HeapValueState(HeapKeyedStateBackend<K> backend, int numKeyGroups) {
    this.backend = backend;
    this.maps = new HashMap[numKeyGroups];
  }

  /** The current key's value, or null. */
  public V value() {
    HashMap<K, V> map = maps[backend.getCurrentKeyGroupIndex()];
    return map == null ? null : map.get(backend.getCurrentKey());
  }

  public void update(V value) {
    int index = backend.getCurrentKeyGroupIndex();
    HashMap<K, V> map = maps[index];
    if (map == null) {
      map = new HashMap<>();
      maps[index] = map;
    }
    map.put(backend.getCurrentKey(), value);
  }

  public void clear() {
    HashMap<K, V> map = maps[backend.getCurrentKeyGroupIndex()];
    if (map != null) {
      map.remove(backend.getCurrentKey());
    }
  }
}
