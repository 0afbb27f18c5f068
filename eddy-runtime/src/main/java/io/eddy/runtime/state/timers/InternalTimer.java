package io.eddy.runtime.state.timers;

import java.util.Objects;

/**
 * A timer of one key (and optionally one namespace, e.g. a window) at one timestamp. Equal timers
 * (same key, namespace and timestamp) are one timer. Knows its key group and its position in the
 * {@link TimerHeap}, so removal needs no search.
 */
public final class InternalTimer<K> {
  private final long timestamp;
  private final K key;
  private final Object namespace;
  private final int keyGroupIndex;
  int heapIndex = -1;

  InternalTimer(long timestamp, K key, Object namespace, int keyGroupIndex) {
    this.timestamp = timestamp;
    this.key = key;
    this.namespace = namespace;
    this.keyGroupIndex = keyGroupIndex;
  }

  public long getTimestamp() {
    return timestamp;
  }

  public K getKey() {
    return key;
  }

  /** The namespace the timer was registered in (a window), or null. */
  @SuppressWarnings("unchecked")
  public <N> N getNamespace() {
    return (N) namespace;
  }

  /** The key group, relative to the start of the subtask's key-group range. */
  public int getKeyGroupIndex() {
    return keyGroupIndex;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InternalTimer<?> t
        && t.timestamp == timestamp
        && t.key.equals(key)
        && Objects.equals(t.namespace, namespace);
  }

  @Override
  public int hashCode() {
    int hash = 31 * Long.hashCode(timestamp) + key.hashCode();
    return namespace == null ? hash : 31 * hash + namespace.hashCode();
  }

  @Override
  public String toString() {
    return "Timer(" + key + (namespace == null ? "" : ", " + namespace) + " @ " + timestamp + ")";
  }
}
