package io.eddy.runtime.state;

import java.util.HashMap;
import java.util.Map;

/**
 * Keyed state on the Java heap, organised by key group so that it can be snapshotted and moved per
 * key group. The operator sets the current key before each record; state objects then read and
 * write the value of that key. Task thread only.
 */
public final class HeapKeyedStateBackend<K> {
  private final KeyGroupRange keyGroupRange;
  private final int maxParallelism;
  private final Map<String, HeapValueState<K, ?>> states = new HashMap<>();
  private K currentKey;
  private int currentKeyHash;
  private int currentKeyGroupIndex;

  public HeapKeyedStateBackend(KeyGroupRange keyGroupRange, int maxParallelism) {
    this.keyGroupRange = keyGroupRange;
    this.maxParallelism = maxParallelism;
  }

  public KeyGroupRange getKeyGroupRange() {
    return keyGroupRange;
  }

  public void setCurrentKey(K key) {
    int hash = key.hashCode();
    int keyGroup = KeyGroupRangeAssignment.computeKeyGroupForKeyHash(hash, maxParallelism);
    if (!keyGroupRange.contains(keyGroup)) {
      throw new IllegalStateException(
          "Key "
              + key
              + " belongs to key group "
              + keyGroup
              + ", which this subtask does not own "
              + keyGroupRange
              + ". Its hashCode() may differ between JVMs (enum, array or identity hash).");
    }
    this.currentKey = key;
    this.currentKeyHash = hash;
    this.currentKeyGroupIndex = keyGroup - keyGroupRange.start();
  }

  public K getCurrentKey() {
    return currentKey;
  }

  int getCurrentKeyHash() {
    return currentKeyHash;
  }

  int getCurrentKeyGroupIndex() {
    return currentKeyGroupIndex;
  }

  /** The value state named {@code name}, created on first use. */
  @SuppressWarnings("unchecked")
  public <V> HeapValueState<K, V> getValueState(String name) {
    return (HeapValueState<K, V>)
        states.computeIfAbsent(name, n -> new HeapValueState<>(this, keyGroupRange.size()));
  }
}
