package io.eddy.runtime.state;

/** One value per key, stored in one {@link StateMap} per key group. Task thread only. */
public final class HeapValueState<K, V> {
  private final HeapKeyedStateBackend<K> backend;
  private final StateMap<K, V>[] maps;

  @SuppressWarnings("unchecked")
  HeapValueState(HeapKeyedStateBackend<K> backend, int numKeyGroups) {
    this.backend = backend;
    this.maps = new StateMap[numKeyGroups];
    for (int i = 0; i < numKeyGroups; i++) {
      maps[i] = new StateMap<>();
    }
  }

  /** The current key's value, or null. */
  public V value() {
    return maps[backend.getCurrentKeyGroupIndex()].get(
        backend.getCurrentKey(), backend.getCurrentKeyHash());
  }

  public void update(V value) {
    if (value == null) {
      clear();
      return;
    }
    maps[backend.getCurrentKeyGroupIndex()].put(
        backend.getCurrentKey(), backend.getCurrentKeyHash(), value);
  }

  public void clear() {
    maps[backend.getCurrentKeyGroupIndex()].remove(
        backend.getCurrentKey(), backend.getCurrentKeyHash());
  }

  /** Number of keys with a value in key group {@code keyGroupIndex} (relative to the range). */
  int size(int keyGroupIndex) {
    return maps[keyGroupIndex].size();
  }
}
