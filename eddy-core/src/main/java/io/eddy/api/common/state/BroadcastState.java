package io.eddy.api.common.state;

import io.eddy.api.annotation.Public;
import java.util.Iterator;
import java.util.Map;

/**
 * A map that every parallel instance of a broadcast operator keeps its own identical copy of:
 * written only while processing broadcast elements, which every instance receives. Values are
 * stored as objects, not copied. Task thread only.
 */
@Public
public interface BroadcastState<K, V> extends ReadOnlyBroadcastState<K, V> {
  void put(K key, V value) throws Exception;

  void putAll(Map<K, V> map) throws Exception;

  void remove(K key) throws Exception;

  /** The entries; changes through the entries change the state. */
  Iterable<Map.Entry<K, V>> entries() throws Exception;

  Iterator<Map.Entry<K, V>> iterator() throws Exception;

  void clear();
}
