package io.eddy.runtime.state.heap;

import io.eddy.api.common.state.MapState;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * {@link MapState} on the heap: a {@code HashMap} per key. With TTL each map value is a {@link
 * TtlValue} and every entry expires on its own; iteration first removes expired entries (so it
 * never returns them, whatever the visibility) and returns unwrapping views. A key whose map
 * becomes empty through {@link #remove} or expiry is removed. Task thread only.
 */
public final class HeapMapState<K, UK, UV> extends AbstractHeapState<K, HashMap<UK, Object>>
    implements MapState<UK, UV> {

  HeapMapState(
      HeapKeyedStateBackend<K> backend, String name, TtlPolicy ttl, StateMap.Copier copier) {
    super(backend, name, ttl, copier);
  }

  @Override
  @SuppressWarnings("unchecked")
  public UV get(UK key) {
    if (ttl == null) {
      HashMap<UK, Object> map = getStored();
      return map == null ? null : (UV) map.get(key);
    }
    long now = accessTime();
    HashMap<UK, Object> map = getStored();
    if (map == null) {
      return null;
    }
    TtlValue<UV> entry = (TtlValue<UV>) map.get(key);
    if (entry == null) {
      return null;
    }
    if (ttl.isExpired(entry, now)) {
      map.remove(key);
      if (map.isEmpty()) {
        removeStored();
      }
      return ttl.returnExpired() ? entry.value : null;
    }
    if (ttl.updateOnRead()) {
      entry.timestamp = now;
    }
    return entry.value;
  }

  @Override
  public void put(UK key, UV value) {
    long now = ttl == null ? 0 : accessTime();
    putInto(mapForWrite(), key, value, now);
  }

  @Override
  public void putAll(Map<UK, UV> entries) {
    if (entries == null || entries.isEmpty()) {
      return;
    }
    long now = ttl == null ? 0 : accessTime();
    HashMap<UK, Object> map = mapForWrite();
    for (Map.Entry<UK, UV> e : entries.entrySet()) {
      putInto(map, e.getKey(), e.getValue(), now);
    }
  }

  @Override
  public void remove(UK key) {
    if (ttl != null) {
      accessTime();
    }
    HashMap<UK, Object> map = getStored();
    if (map != null) {
      map.remove(key);
      if (map.isEmpty()) {
        removeStored();
      }
    }
  }

  @Override
  public boolean contains(UK key) {
    if (ttl == null) {
      HashMap<UK, Object> map = peekStored();
      return map != null && map.containsKey(key);
    }
    HashMap<UK, Object> map = liveMap();
    return map != null && map.containsKey(key);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Iterable<Map.Entry<UK, UV>> entries() {
    if (ttl == null) {
      HashMap<UK, Object> map = getStored();
      return map == null ? Collections.emptySet() : ((Map<UK, UV>) (Map<UK, ?>) map).entrySet();
    }
    HashMap<UK, Object> map = liveMap();
    return map == null ? Collections.emptySet() : () -> new UnwrappingIterator<>(map);
  }

  @Override
  public Iterable<UK> keys() {
    HashMap<UK, Object> map = ttl == null ? getStored() : liveMap();
    return map == null ? Collections.emptySet() : map.keySet();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Iterable<UV> values() {
    if (ttl == null) {
      HashMap<UK, Object> map = getStored();
      return map == null ? Collections.emptyList() : (Iterable<UV>) map.values();
    }
    HashMap<UK, Object> map = liveMap();
    if (map == null) {
      return Collections.emptyList();
    }
    return () ->
        new Iterator<UV>() {
          private final Iterator<Object> values = map.values().iterator();

          @Override
          public boolean hasNext() {
            return values.hasNext();
          }

          @Override
          public UV next() {
            return ((TtlValue<UV>) values.next()).value;
          }

          @Override
          public void remove() {
            values.remove();
          }
        };
  }

  @Override
  public Iterator<Map.Entry<UK, UV>> iterator() {
    return entries().iterator();
  }

  @Override
  public boolean isEmpty() {
    HashMap<UK, Object> map = ttl == null ? peekStored() : liveMap();
    return map == null || map.isEmpty();
  }

  @Override
  public boolean anyExpired(HashMap<UK, Object> map, long now) {
    for (Object entry : map.values()) {
      if (ttl.isExpired((TtlValue<?>) entry, now)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean pruneExpired(HashMap<UK, Object> map, long now) {
    Iterator<Object> it = map.values().iterator();
    while (it.hasNext()) {
      if (ttl.isExpired((TtlValue<?>) it.next(), now)) {
        it.remove();
      }
    }
    return map.isEmpty();
  }

  /** With TTL: the current key's map without expired entries, reads stamped; null if empty. */
  @SuppressWarnings("unchecked")
  private HashMap<UK, Object> liveMap() {
    long now = accessTime();
    HashMap<UK, Object> map = getStored();
    if (map == null) {
      return null;
    }
    Iterator<Object> it = map.values().iterator();
    while (it.hasNext()) {
      TtlValue<UV> entry = (TtlValue<UV>) it.next();
      if (ttl.isExpired(entry, now)) {
        it.remove();
      } else if (ttl.updateOnRead()) {
        entry.timestamp = now;
      }
    }
    if (map.isEmpty()) {
      removeStored();
      return null;
    }
    return map;
  }

  private HashMap<UK, Object> mapForWrite() {
    HashMap<UK, Object> map = getStored();
    if (map == null) {
      map = new HashMap<>();
      putStored(map);
    }
    return map;
  }

  @SuppressWarnings("unchecked")
  private void putInto(HashMap<UK, Object> map, UK key, UV value, long now) {
    if (ttl == null) {
      map.put(key, value);
      return;
    }
    TtlValue<UV> entry = (TtlValue<UV>) map.get(key);
    if (entry == null) {
      map.put(key, new TtlValue<>(value, now));
    } else {
      entry.value = value;
      entry.timestamp = now;
    }
  }

  /** Iterates a TTL map's entries as user entries; {@code remove()} removes from the map. */
  private static final class UnwrappingIterator<UK, UV> implements Iterator<Map.Entry<UK, UV>> {
    private final Iterator<Map.Entry<UK, Object>> entries;

    UnwrappingIterator(HashMap<UK, Object> map) {
      this.entries = map.entrySet().iterator();
    }

    @Override
    public boolean hasNext() {
      return entries.hasNext();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map.Entry<UK, UV> next() {
      Map.Entry<UK, Object> e = entries.next();
      return new AbstractMap.SimpleImmutableEntry<>(
          e.getKey(), ((TtlValue<UV>) e.getValue()).value);
    }

    @Override
    public void remove() {
      entries.remove();
    }
  }
}
