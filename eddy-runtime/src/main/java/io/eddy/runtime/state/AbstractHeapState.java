package io.eddy.runtime.state;

import io.eddy.api.common.state.State;

/**
 * Base of the heap keyed states users get: the value of the backend's current key in a {@link
 * StateTable}, plus the TTL policy (null when TTL is disabled). With TTL, every access first lets
 * the table check a few entries for expiry. Task thread only.
 *
 * @param <K> the key type
 * @param <S> what is stored per key
 */
abstract class AbstractHeapState<K, S> implements State, StateTable.Pruner<S> {
  protected final HeapKeyedStateBackend<K> backend;
  protected final StateTable<K, S> table;
  protected final TtlPolicy ttl;
  protected final String name;

  AbstractHeapState(HeapKeyedStateBackend<K> backend, String name, TtlPolicy ttl) {
    this.backend = backend;
    this.name = name;
    this.ttl = ttl;
    this.table = new StateTable<>(backend.getKeyGroupRange().size());
  }

  /** The current key's stored value, or null. */
  protected final S getStored() {
    return currentMap().get(backend.getCurrentKey(), backend.getCurrentKeyHash());
  }

  /** Stores {@code stored} for the current key; fast after {@link #getStored()} of the same key. */
  protected final void putStored(S stored) {
    currentMap().put(backend.getCurrentKey(), backend.getCurrentKeyHash(), stored);
  }

  protected final void removeStored() {
    currentMap().remove(backend.getCurrentKey(), backend.getCurrentKeyHash());
  }

  /** With TTL: the access time, after running the incremental cleanup. */
  protected final long accessTime() {
    long now = ttl.now();
    if (ttl.cleanupSize() > 0) {
      table.cleanup(ttl.cleanupSize(), this, now);
    }
    return now;
  }

  @Override
  public void clear() {
    if (ttl != null) {
      accessTime();
    }
    removeStored();
  }

  /** A copy of the keys with stored state, so callers may change the state while visiting them. */
  final java.util.List<K> storedKeys() {
    java.util.List<K> keys = new java.util.ArrayList<>();
    for (int g = 0; g < backend.getKeyGroupRange().size(); g++) {
      table.map(g).forEach((key, stored) -> keys.add(key));
    }
    return keys;
  }

  /** Number of keys with stored state (including expired entries not yet cleaned up). */
  int numKeys() {
    return table.size();
  }

  private StateMap<K, S> currentMap() {
    return table.map(backend.getCurrentKeyGroupIndex());
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + name + ")";
  }
}
