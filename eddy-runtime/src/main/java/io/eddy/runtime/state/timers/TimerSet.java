package io.eddy.runtime.state.timers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The timers of one key group as a set: open addressing with linear probing and stored hashes, so
 * checking whether a (key, namespace, timestamp) timer exists allocates nothing and compares fields
 * only when hashes match. Task thread only.
 */
final class TimerSet<K> {
  private InternalTimer<K>[] timers = newArray(16);
  private int[] hashes = new int[16];
  private int size;
  private int mask = 15;

  static int hash(long timestamp, Object key, Object namespace) {
    int h = 31 * Long.hashCode(timestamp) + key.hashCode();
    h = namespace == null ? h : 31 * h + namespace.hashCode();
    return h ^ (h >>> 16);
  }

  int size() {
    return size;
  }

  /** The timer equal to (timestamp, key, namespace), or null. */
  InternalTimer<K> get(long timestamp, K key, Object namespace, int hash) {
    return timers[find(timestamp, key, namespace, hash)];
  }

  /** Adds a timer unless an equal one exists; returns the new timer, or null if one existed. */
  InternalTimer<K> addIfAbsent(
      long timestamp, K key, Object namespace, int hash, int keyGroupIndex) {
    int slot = find(timestamp, key, namespace, hash);
    if (timers[slot] != null) {
      return null;
    }
    InternalTimer<K> timer = new InternalTimer<>(timestamp, key, namespace, keyGroupIndex);
    timers[slot] = timer;
    hashes[slot] = hash;
    if (++size * 4 > timers.length * 3) {
      grow();
    }
    return timer;
  }

  /** Removes and returns the timer equal to (timestamp, key, namespace), or null. */
  InternalTimer<K> remove(long timestamp, Object key, Object namespace, int hash) {
    int slot = find(timestamp, key, namespace, hash);
    InternalTimer<K> removed = timers[slot];
    if (removed != null) {
      deleteSlot(slot);
    }
    return removed;
  }

  /** Removes this very timer (found by identity along its probe run). */
  void remove(InternalTimer<K> timer) {
    int hash = hash(timer.getTimestamp(), timer.getKey(), timer.getNamespace());
    int slot = hash & mask;
    while (timers[slot] != null) {
      if (timers[slot] == timer) {
        deleteSlot(slot);
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  Collection<InternalTimer<K>> all() {
    List<InternalTimer<K>> all = new ArrayList<>(size);
    for (InternalTimer<K> t : timers) {
      if (t != null) {
        all.add(t);
      }
    }
    return all;
  }

  private int find(long timestamp, Object key, Object namespace, int hash) {
    int slot = hash & mask;
    while (true) {
      InternalTimer<K> t = timers[slot];
      if (t == null
          || (hashes[slot] == hash
              && t.getTimestamp() == timestamp
              && t.getKey().equals(key)
              && Objects.equals(t.getNamespace(), namespace))) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Empties a slot and shifts later entries of its probe run back into the hole. */
  private void deleteSlot(int slot) {
    timers[slot] = null;
    size--;
    int hole = slot;
    int next = (slot + 1) & mask;
    while (timers[next] != null) {
      int home = hashes[next] & mask;
      boolean movable =
          hole <= next ? (home <= hole || home > next) : (home <= hole && home > next);
      if (movable) {
        timers[hole] = timers[next];
        hashes[hole] = hashes[next];
        timers[next] = null;
        hole = next;
      }
      next = (next + 1) & mask;
    }
  }

  private void grow() {
    InternalTimer<K>[] oldTimers = timers;
    int[] oldHashes = hashes;
    timers = newArray(oldTimers.length * 2);
    hashes = new int[oldTimers.length * 2];
    mask = timers.length - 1;
    for (int i = 0; i < oldTimers.length; i++) {
      if (oldTimers[i] != null) {
        int slot = oldHashes[i] & mask;
        while (timers[slot] != null) {
          slot = (slot + 1) & mask;
        }
        timers[slot] = oldTimers[i];
        hashes[slot] = oldHashes[i];
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <K> InternalTimer<K>[] newArray(int n) {
    return new InternalTimer[n];
  }
}
