package io.eddy.runtime.state.timers;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;

/**
 * The timers of one time domain of one operator: kept per key group (the unit that checkpoints and
 * rescaling move) and ordered across key groups by one heap. Registering a timer that exists (same
 * key and timestamp) does nothing. Not thread safe (task thread only).
 */
public final class KeyGroupedTimerQueue<K> {
  private final TimerSet<K>[] byKeyGroup;
  private final TimerHeap<K> heap = new TimerHeap<>();

  /**
   * The timer the last {@link #add} created or found, while it is still queued: operators often
   * register the same timer twice in a row (a window's trigger and its cleanup), which then costs
   * no lookup.
   */
  private InternalTimer<K> lastAdded;

  /**
   * @param numKeyGroups key groups of the subtask's range
   */
  @SuppressWarnings("unchecked")
  public KeyGroupedTimerQueue(int numKeyGroups) {
    byKeyGroup = new TimerSet[numKeyGroups];
  }

  /**
   * Adds the timer unless it exists.
   *
   * @return whether it was added
   */
  public boolean add(long timestamp, K key, int keyGroupIndex) {
    return add(timestamp, key, null, keyGroupIndex);
  }

  /**
   * Adds the timer of {@code namespace} (null: none) unless it exists.
   *
   * @return whether it was added
   */
  public boolean add(long timestamp, K key, Object namespace, int keyGroupIndex) {
    InternalTimer<K> last = lastAdded;
    if (last != null
        && last.heapIndex >= 0
        && last.getTimestamp() == timestamp
        && (last.getKey() == key || last.getKey().equals(key))
        && (last.getNamespace() == namespace || Objects.equals(last.getNamespace(), namespace))) {
      return false;
    }
    TimerSet<K> timers = byKeyGroup[keyGroupIndex];
    if (timers == null) {
      timers = new TimerSet<>();
      byKeyGroup[keyGroupIndex] = timers;
    }
    int hash = TimerSet.hash(timestamp, key, namespace);
    InternalTimer<K> existing = timers.get(timestamp, key, namespace, hash);
    if (existing != null) {
      lastAdded = existing;
      return false;
    }
    InternalTimer<K> timer = timers.addIfAbsent(timestamp, key, namespace, hash, keyGroupIndex);
    heap.add(timer);
    lastAdded = timer;
    return true;
  }

  /** Whether the timer of {@code namespace} (null: none) exists. */
  public boolean contains(long timestamp, K key, Object namespace, int keyGroupIndex) {
    TimerSet<K> timers = byKeyGroup[keyGroupIndex];
    return timers != null
        && timers.get(timestamp, key, namespace, TimerSet.hash(timestamp, key, namespace)) != null;
  }

  /**
   * Removes the timer if it exists.
   *
   * @return whether it existed
   */
  public boolean remove(long timestamp, K key, int keyGroupIndex) {
    return remove(timestamp, key, null, keyGroupIndex);
  }

  /**
   * Removes the timer of {@code namespace} (null: none) if it exists.
   *
   * @return whether it existed
   */
  public boolean remove(long timestamp, K key, Object namespace, int keyGroupIndex) {
    TimerSet<K> timers = byKeyGroup[keyGroupIndex];
    if (timers == null) {
      return false;
    }
    InternalTimer<K> timer =
        timers.remove(timestamp, key, namespace, TimerSet.hash(timestamp, key, namespace));
    if (timer == null) {
      return false;
    }
    heap.remove(timer);
    return true;
  }

  /** The earliest timer, or null. */
  public InternalTimer<K> peek() {
    return heap.peek();
  }

  /** Removes and returns the earliest timer, or null. */
  public InternalTimer<K> poll() {
    InternalTimer<K> timer = heap.poll();
    if (timer != null) {
      byKeyGroup[timer.getKeyGroupIndex()].remove(timer);
    }
    return timer;
  }

  public int size() {
    return heap.size();
  }

  /** The timers of one key group (relative index), unordered; for snapshots. */
  public Collection<InternalTimer<K>> timersOfKeyGroup(int keyGroupIndex) {
    TimerSet<K> timers = byKeyGroup[keyGroupIndex];
    return timers == null ? Collections.emptyList() : timers.all();
  }
}
