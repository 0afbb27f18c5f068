package io.eddy.runtime.operators.timers;

/**
 * A timer of one key at one timestamp. Equal timers (same key and timestamp) are one timer. Knows
 * its key group and its position in the {@link TimerHeap}, so removal needs no search.
 */
public final class InternalTimer<K> {
  private final long timestamp;
  private final K key;
  private final int keyGroupIndex;
  int heapIndex = -1;

  InternalTimer(long timestamp, K key, int keyGroupIndex) {
    this.timestamp = timestamp;
    this.key = key;
    this.keyGroupIndex = keyGroupIndex;
  }

  public long getTimestamp() {
    return timestamp;
  }

  public K getKey() {
    return key;
  }

  /** The key group, relative to the start of the subtask's key-group range. */
  public int getKeyGroupIndex() {
    return keyGroupIndex;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InternalTimer<?> t && t.timestamp == timestamp && t.key.equals(key);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(timestamp) + key.hashCode();
  }

  @Override
  public String toString() {
    return "Timer(" + key + " @ " + timestamp + ")";
  }
}
