package io.eddy.runtime.state.heap;

import io.eddy.api.common.state.State;
import io.eddy.runtime.state.InternalKvState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Base of the heap keyed states users get: the value of the backend's current key in a {@link
 * StateTable}, plus the TTL policy (null when TTL is disabled). With TTL, every access first lets
 * the table check a few entries for expiry. Task thread only.
 *
 * @param <K> the key type
 * @param <S> what is stored per key
 */
public abstract class AbstractHeapState<K, S>
    implements State, InternalKvState, StateTable.Pruner<S> {
  protected final HeapKeyedStateBackend<K> backend;
  protected final StateTable<Object, S> table;
  protected final TtlPolicy ttl;
  protected final String name;

  /**
   * @param copier copies stored objects before they change in place while a snapshot shares them;
   *     null if they never change in place
   */
  AbstractHeapState(
      HeapKeyedStateBackend<K> backend, String name, TtlPolicy ttl, StateMap.Copier copier) {
    this.backend = backend;
    this.name = name;
    this.ttl = ttl;
    this.table =
        new StateTable<>(backend.getKeyGroupRange().size(), copier, backend.snapshotVersions());
  }

  /**
   * The namespace of the next accesses; null for the plain keyed state users get. Entries of a key
   * in a namespace are stored under a {@link NamespacedKey}, in the key group of their key, so they
   * move with it.
   */
  private Object namespace;

  @Override
  public final void setCurrentNamespace(Object namespace) {
    this.namespace = namespace;
  }

  @Override
  public final Object getCurrentNamespace() {
    return namespace;
  }

  /**
   * The current key's stored value, or null. The caller may change it in place: if a snapshot that
   * is still being written shares it, it is replaced by a copy first.
   */
  protected final S getStored() {
    return currentMap().get(backend.getCurrentKey(), namespace, mapKeyHash());
  }

  /** The current key's stored value, or null, for reading only (it may be a snapshot's). */
  protected final S peekStored() {
    return currentMap().peek(backend.getCurrentKey(), namespace, mapKeyHash());
  }

  /** Stores {@code stored} for the current key; fast after {@link #getStored()} of the same key. */
  protected final void putStored(S stored) {
    currentMap().put(backend.getCurrentKey(), namespace, mapKeyHash(), stored);
  }

  protected final void removeStored() {
    currentMap().remove(backend.getCurrentKey(), namespace, mapKeyHash());
  }

  /** The hash code of the current key, or of its {@link NamespacedKey} in the namespace. */
  private int mapKeyHash() {
    int hash = backend.getCurrentKeyHash();
    return namespace == null ? hash : 31 * hash + namespace.hashCode();
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

  /**
   * A copy of the keys with stored state outside any namespace (window), so callers may change the
   * state while visiting them.
   */
  @SuppressWarnings("unchecked")
  final List<K> storedKeys() {
    List<K> keys = new ArrayList<>();
    for (int g = 0; g < backend.getKeyGroupRange().size(); g++) {
      table
          .map(g)
          .forEach(
              (key, stored) -> {
                if (!(key instanceof NamespacedKey)) {
                  keys.add((K) key);
                }
              });
    }
    return keys;
  }

  @Override
  public final boolean hasEntry() {
    return peekStored() != null;
  }

  @Override
  public final void forEachNamespacedEntry(BiConsumer<Object, Object> action) {
    for (int g = 0; g < table.numKeyGroups(); g++) {
      table
          .map(g)
          .forEach(
              (key, stored) -> {
                if (key instanceof NamespacedKey n) {
                  action.accept(n.key(), n.namespace());
                }
              });
    }
  }

  /** Number of keys with stored state (including expired entries not yet cleaned up). */
  public int numKeys() {
    return table.size();
  }

  private StateMap<Object, S> currentMap() {
    return table.map(backend.getCurrentKeyGroupIndex());
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + name + ")";
  }
}
