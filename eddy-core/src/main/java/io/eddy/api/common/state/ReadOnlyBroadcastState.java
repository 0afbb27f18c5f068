package io.eddy.api.common.state;

import io.eddy.api.annotation.Public;
import java.util.Map;

/**
 * A read-only view of a broadcast state: what the non-broadcast side of a broadcast connection
 * sees. Task thread only.
 */
@Public
public interface ReadOnlyBroadcastState<K, V> {
  /** The value of {@code key}, or null. */
  V get(K key) throws Exception;

  boolean contains(K key) throws Exception;

  /** The entries, unmodifiable. */
  Iterable<Map.Entry<K, V>> immutableEntries() throws Exception;
}
