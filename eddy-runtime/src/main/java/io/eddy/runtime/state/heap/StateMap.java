package io.eddy.runtime.state.heap;

import java.util.function.BiConsumer;

/**
 * The state of one key group: an open-addressing hash map (linear probing) from key to value. Keyed
 * operators read a key's value and then write it back; the slot found by the read is remembered so
 * the write does not search again. Task thread only.
 *
 * <p>Copy-on-write for snapshots: {@link #freeze} copies the slot arrays, so later puts, removes
 * and growth do not reach the snapshot, but the stored objects are shared with it. Maps whose
 * objects change in place (lists, maps, TTL wrappers, mutable values) have a {@link Copier}: each
 * slot remembers the version it was written in, and {@link #get} of an entry that an unfinished
 * snapshot shares first replaces it by a deep copy, which the caller may then change. The check is
 * one int comparison; without a snapshot in flight (or without a copier) it never copies.
 */
final class StateMap<K, V> {
  private static final int INITIAL_CAPACITY = 16;

  /** Deep-copies stored objects (see {@link StoredValueCodec#copy}). */
  @FunctionalInterface
  interface Copier {
    Object copy(Object stored);
  }

  private Object[] keys = new Object[INITIAL_CAPACITY];

  /** Hash code of each key, so probing compares keys only when their hashes match. */
  private int[] hashes = new int[INITIAL_CAPACITY];

  private Object[] values = new Object[INITIAL_CAPACITY];

  /** The version each slot's value was stored (or copied) in; see {@link SnapshotVersions}. */
  private int[] versions = new int[INITIAL_CAPACITY];

  private int size;
  private int mask = INITIAL_CAPACITY - 1;

  /** Null if stored objects never change in place: then snapshots share them for good. */
  private final Copier copier;

  private final SnapshotVersions snapshots;

  /** Version stamped on values stored from now on: one more than the last freeze's. */
  private int writeVersion;

  /**
   * Values stamped with this version or an older one may be shared with a snapshot in flight; only
   * lowered (towards {@link SnapshotVersions#NONE}) once the task thread sees snapshots released.
   */
  private int sharedUpTo = SnapshotVersions.NONE;

  private long copies;

  /**
   * The slot of the last read and the key object it was for (identity). Valid until the map changes
   * shape (insert, remove, grow), which resets it.
   */
  private int lastSlot = -1;

  private Object lastKey;

  private Object lastNamespace;

  /** A map whose values are never changed in place (no copy-on-write). */
  StateMap() {
    this(null, new SnapshotVersions());
  }

  /**
   * @param copier deep-copies a stored value before it is changed while a snapshot shares it; null
   *     if values never change in place
   * @param snapshots the snapshot versions of the backend
   */
  StateMap(Copier copier, SnapshotVersions snapshots) {
    this.copier = copier;
    this.snapshots = snapshots;
  }

  int size() {
    return size;
  }

  /**
   * The value of {@code key}, or null; the caller may change it in place (a value a snapshot in
   * flight shares is replaced by a copy first).
   */
  V get(K key, int hash) {
    return get(key, null, hash);
  }

  /** The value of {@code key}, or null, which the caller only reads: never copies. */
  V peek(K key, int hash) {
    return peek(key, null, hash);
  }

  void put(K key, int hash, V value) {
    put(key, null, hash, value);
  }

  void remove(K key, int hash) {
    remove(key, null, hash);
  }

  // The variants below address the entry of a key in a namespace (null: none) without a map key
  // object: its NamespacedKey is made only when the entry is inserted, not for every access.
  // hash: the key's hash code, or that of its NamespacedKey.

  /** As {@link #get(Object, int)}, for {@code key} in {@code namespace}. */
  @SuppressWarnings("unchecked")
  V get(Object key, Object namespace, int hash) {
    int slot =
        key == lastKey && namespace == lastNamespace && lastSlot >= 0
            ? lastSlot
            : find(key, namespace, hash);
    lastKey = key;
    lastNamespace = namespace;
    lastSlot = slot;
    if (versions[slot] <= sharedUpTo) {
      return (V) ownValueAt(slot);
    }
    return (V) values[slot]; // null if the slot is empty
  }

  /**
   * As {@link #peek(Object, int)}, for {@code key} in {@code namespace}. Remembers the slot, so
   * that a {@link #get} or {@link #put} of the same key and namespace that follows does not search.
   */
  @SuppressWarnings("unchecked")
  V peek(Object key, Object namespace, int hash) {
    int slot = find(key, namespace, hash);
    lastKey = key;
    lastNamespace = namespace;
    lastSlot = slot;
    return (V) values[slot];
  }

  /** As {@link #put(Object, int, Object)}, for {@code key} in {@code namespace}. */
  void put(Object key, Object namespace, int hash, V value) {
    int slot =
        key == lastKey && namespace == lastNamespace && lastSlot >= 0
            ? lastSlot
            : find(key, namespace, hash);
    versions[slot] = writeVersion;
    if (keys[slot] == null) {
      keys[slot] = namespace == null ? key : new NamespacedKey(key, namespace);
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

  /** As {@link #remove(Object, int)}, for {@code key} in {@code namespace}. */
  void remove(Object key, Object namespace, int hash) {
    int slot = find(key, namespace, hash);
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

  /** The value in {@code slot}, or null if the slot is empty; the caller must not change it. */
  @SuppressWarnings("unchecked")
  V valueAt(int slot) {
    return (V) values[slot];
  }

  /**
   * The value in {@code slot}, or null if the slot is empty, which the caller may change in place:
   * copied first if a snapshot in flight shares it.
   */
  @SuppressWarnings("unchecked")
  V ownedValueAt(int slot) {
    return (V) (versions[slot] <= sharedUpTo ? ownValueAt(slot) : values[slot]);
  }

  /**
   * The slow path of {@link #get}: the value in {@code slot} may be shared with a snapshot. Lowers
   * {@link #sharedUpTo} to the snapshots still in flight, and copies the value if one shares it.
   */
  private Object ownValueAt(int slot) {
    Object value = values[slot];
    if (value == null) {
      return null;
    }
    int inFlight = snapshots.highestInFlight();
    if (inFlight < sharedUpTo) {
      sharedUpTo = inFlight;
      if (versions[slot] > inFlight) {
        return value;
      }
    }
    Object copy = copier.copy(value);
    values[slot] = copy;
    versions[slot] = writeVersion;
    copies++;
    return copy;
  }

  /** How many values were copied because a snapshot shared them (for tests). */
  long copies() {
    return copies;
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
        versions[hole] = versions[next];
        keys[next] = null;
        values[next] = null;
        hole = next;
      }
      next = (next + 1) & mask;
    }
  }

  /**
   * A copy of the slots (keys and values, empty slots included), which later changes of the map do
   * not reach: the frozen view of snapshot {@code snapshotVersion} (from {@link
   * SnapshotVersions#start}). Copies two arrays; the keys and values are shared, and values that
   * change in place are copied on their next {@link #get} until the snapshot is released.
   */
  Frozen freeze(int snapshotVersion) {
    if (copier != null) {
      sharedUpTo = snapshotVersion;
      writeVersion = snapshotVersion + 1;
    }
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
    return find(key, null, hash);
  }

  /** The slot holding {@code key} in {@code namespace} (null: none), or the empty one for it. */
  private int find(Object key, Object namespace, int hash) {
    int slot = spread(hash) & mask;
    while (true) {
      Object k = keys[slot];
      if (k == null
          || (namespace == null
              ? k == key || (hashes[slot] == hash && k.equals(key))
              : hashes[slot] == hash && k instanceof NamespacedKey n && n.is(key, namespace))) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  private void grow() {
    Object[] oldKeys = keys;
    int[] oldHashes = hashes;
    Object[] oldValues = values;
    int[] oldVersions = versions;
    keys = new Object[oldKeys.length * 2];
    hashes = new int[oldKeys.length * 2];
    values = new Object[oldKeys.length * 2];
    versions = new int[oldKeys.length * 2];
    mask = keys.length - 1;
    lastSlot = -1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        int slot = find(oldKeys[i], oldHashes[i]);
        keys[slot] = oldKeys[i];
        hashes[slot] = oldHashes[i];
        values[slot] = oldValues[i];
        versions[slot] = oldVersions[i];
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
