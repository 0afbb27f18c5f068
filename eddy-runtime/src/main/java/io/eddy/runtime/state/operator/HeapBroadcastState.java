package io.eddy.runtime.state.operator;

import io.eddy.api.common.state.ReadOnlyBroadcastState;
import io.eddy.runtime.state.InternalBroadcastState;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * One broadcast state of one operator instance: a hash map of objects, registered in and
 * checkpointed by a {@link HeapOperatorStateBackend}. Task thread only. {@link #readOnly()} is the
 * view the non-broadcast side gets.
 */
public final class HeapBroadcastState<K, V> implements InternalBroadcastState<K, V> {
  private final Map<K, V> map = new HashMap<>();
  private final ReadOnlyBroadcastState<K, V> readOnly = new ReadOnlyView();

  @Override
  public ReadOnlyBroadcastState<K, V> readOnly() {
    return readOnly;
  }

  @Override
  public V get(K key) {
    return map.get(key);
  }

  @Override
  public boolean contains(K key) {
    return map.containsKey(key);
  }

  @Override
  public Iterable<Map.Entry<K, V>> immutableEntries() {
    return Collections.unmodifiableMap(map).entrySet();
  }

  @Override
  public void put(K key, V value) {
    map.put(key, value);
  }

  @Override
  public void putAll(Map<K, V> values) {
    map.putAll(values);
  }

  @Override
  public void remove(K key) {
    map.remove(key);
  }

  @Override
  public Iterable<Map.Entry<K, V>> entries() {
    return map.entrySet();
  }

  @Override
  public Iterator<Map.Entry<K, V>> iterator() {
    return map.entrySet().iterator();
  }

  @Override
  public void clear() {
    map.clear();
  }

  @Override
  public String toString() {
    return "BroadcastState" + map;
  }

  /** Reads only: a cast does not make it writable. */
  private final class ReadOnlyView implements ReadOnlyBroadcastState<K, V> {
    @Override
    public V get(K key) {
      return map.get(key);
    }

    @Override
    public boolean contains(K key) {
      return map.containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> immutableEntries() {
      return Collections.unmodifiableMap(map).entrySet();
    }
  }
}
