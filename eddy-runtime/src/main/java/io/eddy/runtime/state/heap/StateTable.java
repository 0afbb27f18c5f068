package io.eddy.runtime.state.heap;

/**
 * The storage of one keyed state: one {@link StateMap} per key group of the backend's range, so
 * that snapshots and rescaling can move key groups. Also walks over all entries a few at a time to
 * remove expired ones (incremental TTL cleanup). Task thread only.
 *
 * @param <K> the key type
 * @param <S> what the state stores per key
 */
final class StateTable<K, S> {
  /**
   * At most this many slots are visited per cleanup call per entry checked, empty ones included.
   */
  private static final int SLOTS_PER_ENTRY = 8;

  /** Decides whether a stored value expired, pruning expired parts of it in place. */
  interface Pruner<S> {
    /** Whether anything in {@code stored} expired; must not change it (a snapshot may share it). */
    boolean anyExpired(S stored, long now);

    /**
     * Removes what expired from {@code stored} (which the caller owns) and returns whether nothing
     * is left (then the key's entry is removed).
     */
    boolean pruneExpired(S stored, long now);
  }

  private final StateMap<K, S>[] maps;
  private int cleanupKeyGroup;
  private int cleanupSlot;

  /**
   * @param copier deep-copies stored objects that change in place while a snapshot shares them (see
   *     {@link StateMap}); null if stored objects never change in place
   * @param snapshots the snapshot versions of the backend
   */
  @SuppressWarnings("unchecked")
  StateTable(int numKeyGroups, StateMap.Copier copier, SnapshotVersions snapshots) {
    maps = new StateMap[numKeyGroups];
    for (int i = 0; i < numKeyGroups; i++) {
      maps[i] = new StateMap<>(copier, snapshots);
    }
  }

  /** The map of key group {@code keyGroupIndex} (relative to the backend's range). */
  StateMap<K, S> map(int keyGroupIndex) {
    return maps[keyGroupIndex];
  }

  int numKeyGroups() {
    return maps.length;
  }

  /** Number of keys with an entry, over all key groups (expired entries not yet removed count). */
  int size() {
    int size = 0;
    for (StateMap<K, S> map : maps) {
      size += map.size();
    }
    return size;
  }

  /** How many stored objects were copied because a snapshot shared them (for tests). */
  long copies() {
    long copies = 0;
    for (StateMap<K, S> map : maps) {
      copies += map.copies();
    }
    return copies;
  }

  /**
   * Checks up to {@code entries} stored entries, continuing where the last call stopped and moving
   * through the key groups in turn, and removes those {@code pruner} finds fully expired. Visits at
   * most {@code entries * 8} slots, so each call does bounded work.
   */
  void cleanup(int entries, Pruner<S> pruner, long now) {
    if (maps.length == 0) {
      return;
    }
    int slotBudget = entries * SLOTS_PER_ENTRY;
    while (entries > 0 && slotBudget > 0) {
      StateMap<K, S> map = maps[cleanupKeyGroup];
      if (map.size() == 0 || cleanupSlot >= map.capacity()) {
        nextKeyGroup();
        slotBudget--;
        continue;
      }
      S stored = map.valueAt(cleanupSlot);
      slotBudget--;
      if (stored == null) {
        cleanupSlot++;
        continue;
      }
      entries--;
      if (!pruner.anyExpired(stored, now)) {
        cleanupSlot++;
        continue;
      }
      if (pruner.pruneExpired(map.ownedValueAt(cleanupSlot), now)) {
        map.removeAt(cleanupSlot); // an entry may shift into this slot: look at it again
      } else {
        cleanupSlot++;
      }
    }
  }

  private void nextKeyGroup() {
    cleanupSlot = 0;
    cleanupKeyGroup = cleanupKeyGroup + 1 == maps.length ? 0 : cleanupKeyGroup + 1;
  }
}
