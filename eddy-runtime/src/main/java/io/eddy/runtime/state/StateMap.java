package io.eddy.runtime.state;

import java.util.function.BiConsumer;

/**
 * The state of one key group: an open-addressing hash map (linear probing) from key to value. Keyed
 * operators read a key's value and then write it back; the slot found by the read is remembered so
 * the write does not search again. Task thread only.
 */
final class StateMap<K, V> {
  private static final int INITIAL_CAPACITY = 16;

  private Object[] keys = new Object[INITIAL_CAPACITY];

  /** Hash code of each key, so probing compares keys only when their hashes match. */
  private int[] hashes = new int[INITIAL_CAPACITY];

  private Object[] values = new Object[INITIAL_CAPACITY];
  private int size;
  private int mask = INITIAL_CAPACITY - 1;

  /**
   * The slot of the last read and the key object it was for (identity). Valid until the map changes
   * shape (insert, remove, grow), which resets it.
   */
  private int lastSlot = -1;

  private Object lastKey;

  int size() {
    return size;
  }

  @SuppressWarnings("unchecked")
  V get(K key, int hash) {
    int slot = find(key, hash);
    lastKey = key;
    lastSlot = slot;
    return (V) values[slot]; // null if the slot is empty
  }

  void put(K key, int hash, V value) {
    int slot = key == lastKey && lastSlot >= 0 ? lastSlot : find(key, hash);
    if (keys[slot] == null) {
      keys[slot] = key;
      hashes[slot] = hash;
      values[slot] = value;
      size++;
      lastSlot = -1; // the empty slot a pending read found may be this one
      lastKey = null;
      if (size * 4 > keys.length * 3) {
        grow();
      }
    } else {
      values[slot] = value;
    }
  }

  void remove(K key, int hash) {
    int slot = find(key, hash);
    lastSlot = -1;
    if (keys[slot] == null) {
      return;
    }
    removeAt(slot);
  }

  /**
   * Number of slots; {@link #valueAt} and {@link #removeAt} take slots in {@code [0, capacity)}.
   */
  int capacity() {
    return keys.length;
  }

  /** The key in {@code slot}, or null if the slot is empty. */
  @SuppressWarnings("unchecked")
  K keyAt(int slot) {
    return (K) keys[slot];
  }

  /** The value in {@code slot}, or null if the slot is empty. */
  @SuppressWarnings("unchecked")
  V valueAt(int slot) {
    return (V) values[slot];
  }

  /**
   * Removes the entry in {@code slot}. Entries after it in its probe run may move into the slot
   * (backward shift), so a scan that removes should look at the same slot again.
   */
  void removeAt(int slot) {
    lastSlot = -1;
    keys[slot] = null;
    values[slot] = null;
    size--;
    // Backward-shift deletion: move later entries of the probe run into the hole.
    int hole = slot;
    int next = (slot + 1) & mask;
    while (keys[next] != null) {
      int home = spread(hashes[next]) & mask;
      boolean movable =
          hole <= next ? (home <= hole || home > next) : (home <= hole && home > next);
      if (movable) {
        keys[hole] = keys[next];
        hashes[hole] = hashes[next];
        values[hole] = values[next];
        keys[next] = null;
        values[next] = null;
        hole = next;
      }
      next = (next + 1) & mask;
    }
  }

  /**
   * A copy of the slots (keys and values, empty slots included), which later changes of the map do
   * not reach: a snapshot's frozen view. Copies two arrays; the keys and values are shared.
   */
  Frozen freeze() {
    return new Frozen(keys.clone(), values.clone(), size);
  }

  /** The slots of a map at the time of {@link #freeze}; read-only, so any thread may read it. */
  record Frozen(Object[] keys, Object[] values, int size) {}

  @SuppressWarnings("unchecked")
  void forEach(BiConsumer<K, V> action) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != null) {
        action.accept((K) keys[i], (V) values[i]);
      }
    }
  }

  /** The slot holding {@code key}, or the empty slot where it belongs. */
  private int find(Object key, int hash) {
    int slot = spread(hash) & mask;
    while (true) {
      Object k = keys[slot];
      if (k == null || k == key || (hashes[slot] == hash && k.equals(key))) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  private void grow() {
    Object[] oldKeys = keys;
    int[] oldHashes = hashes;
    Object[] oldValues = values;
    keys = new Object[oldKeys.length * 2];
    hashes = new int[oldKeys.length * 2];
    values = new Object[oldKeys.length * 2];
    mask = keys.length - 1;
    lastSlot = -1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        int slot = find(oldKeys[i], oldHashes[i]);
        keys[slot] = oldKeys[i];
        hashes[slot] = oldHashes[i];
        values[slot] = oldValues[i];
      }
    }
  }

  /** Fibonacci hashing: spreads hash codes whose low bits repeat. */
  private static int spread(int hash) {
    return (hash * 0x9E3779B9) >>> 7 ^ hash;
  }

  @Override
  public String toString() {
    return "StateMap(size=" + size + ")";
  }
}
