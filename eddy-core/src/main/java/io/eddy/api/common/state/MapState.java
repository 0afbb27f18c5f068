package io.eddy.api.common.state;

import io.eddy.api.annotation.Public;
import java.util.Iterator;
import java.util.Map;

/**
 * A map per key. Task thread only, scoped to the current key (see {@link State}). The views
 * returned by {@link #entries()}, {@link #keys()}, {@link #values()} and {@link #iterator()} are
 * valid until the state is next written; their iterators support {@code remove()}.
 *
 * @param <UK> the type of the map's keys
 * @param <UV> the type of the map's values
 */
@Public
public interface MapState<UK, UV> extends State {
  /** The value of {@code key} in the current key's map, or null. */
  UV get(UK key);

  void put(UK key, UV value);

  void putAll(Map<UK, UV> map);

  void remove(UK key);

  boolean contains(UK key);

  Iterable<Map.Entry<UK, UV>> entries();

  Iterable<UK> keys();

  Iterable<UV> values();

  Iterator<Map.Entry<UK, UV>> iterator();

  /** Whether the current key's map has no entries. */
  boolean isEmpty();
}
