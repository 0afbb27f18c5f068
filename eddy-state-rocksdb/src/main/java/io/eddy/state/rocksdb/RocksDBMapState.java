package io.eddy.state.rocksdb;

import io.eddy.api.common.state.MapState;
import io.eddy.api.common.state.StateDescriptor;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.memory.DataInputDeserializer;
import io.eddy.core.internal.memory.DataOutputSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksIterator;

/**
 * {@link MapState} in RocksDB: a row per map entry, its key the (key, namespace) prefix followed by
 * the map key's bytes, so an entry is read or written without the rest of the map, and iterating
 * scans the prefix. Iteration reads the entries of the current key first (its {@code remove()}
 * deletes the row). With TTL each entry expires on its own; iteration never returns expired ones.
 * Task thread only.
 */
final class RocksDBMapState<K, UK, UV> extends AbstractRocksDBState<K> implements MapState<UK, UV> {
  private final TypeSerializer<UK> keySerializer;
  private final Elements<UV> elements;
  private final DataOutputSerializer userKey = new DataOutputSerializer(32);
  private final DataInputDeserializer in = new DataInputDeserializer();

  RocksDBMapState(
      RocksDBKeyedStateBackend<K> backend,
      String name,
      ColumnFamilyHandle column,
      Ttl ttl,
      TypeSerializer<UK> keySerializer,
      Elements<UV> elements) {
    super(backend, name, StateDescriptor.Type.MAP, column, ttl);
    this.keySerializer = keySerializer;
    this.elements = elements;
  }

  private byte[] entryRow(UK key) {
    userKey.clear();
    try {
      keySerializer.serialize(key, userKey);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serialize map key " + key, e);
    }
    return backend
        .rowKeys()
        .row(getCurrentNamespace(), userKey.getSharedBuffer(), userKey.length());
  }

  @Override
  public UV get(UK key) {
    byte[] row = entryRow(key);
    byte[] stored = get(row);
    if (stored == null) {
      return null;
    }
    UV value = elements.decode(stored);
    if (ttl != null) {
      long now = ttl.now();
      if (ttl.isExpired(elements.lastTimestamp(), now)) {
        delete(row);
        return ttl.returnExpired() ? value : null;
      }
      if (ttl.updateOnRead()) {
        put(row, elements.encode(value, now));
      }
    }
    return value;
  }

  @Override
  public void put(UK key, UV value) {
    put(entryRow(key), elements.encode(value, now()));
  }

  @Override
  public void putAll(Map<UK, UV> map) {
    if (map == null) {
      return;
    }
    long now = now();
    for (Map.Entry<UK, UV> e : map.entrySet()) {
      put(entryRow(e.getKey()), elements.encode(e.getValue(), now));
    }
  }

  @Override
  public void remove(UK key) {
    delete(entryRow(key));
  }

  @Override
  public boolean contains(UK key) {
    if (ttl == null) {
      return get(entryRow(key)) != null;
    }
    return liveEntries().stream().anyMatch(e -> java.util.Objects.equals(e.getKey(), key));
  }

  @Override
  public Iterable<Map.Entry<UK, UV>> entries() {
    List<Entry> entries = liveEntries();
    return () -> new EntryIterator(entries);
  }

  @Override
  public Iterable<UK> keys() {
    List<Entry> entries = liveEntries();
    return () -> {
      Iterator<Map.Entry<UK, UV>> it = new EntryIterator(entries);
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public UK next() {
          return it.next().getKey();
        }

        @Override
        public void remove() {
          it.remove();
        }
      };
    };
  }

  @Override
  public Iterable<UV> values() {
    List<Entry> entries = liveEntries();
    return () -> {
      Iterator<Map.Entry<UK, UV>> it = new EntryIterator(entries);
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public UV next() {
          return it.next().getValue();
        }

        @Override
        public void remove() {
          it.remove();
        }
      };
    };
  }

  @Override
  public Iterator<Map.Entry<UK, UV>> iterator() {
    return entries().iterator();
  }

  @Override
  public boolean isEmpty() {
    if (ttl == null) {
      return !hasEntry();
    }
    return liveEntries().isEmpty();
  }

  @Override
  public boolean hasEntry() {
    byte[] prefix = currentRow();
    try (RocksIterator it = backend.newIterator(column)) {
      it.seek(prefix);
      return it.isValid() && RowKeys.startsWith(it.key(), prefix, prefix.length);
    }
  }

  @Override
  public void clear() {
    byte[] prefix = currentRow();
    byte[] end = RowKeys.prefixEnd(prefix);
    backend.deleteRange(column, prefix, end);
  }

  /** One map entry read from its row. */
  private final class Entry extends AbstractMap.SimpleEntry<UK, UV> {
    final byte[] row;

    Entry(byte[] row, UK key, UV value) {
      super(key, value);
      this.row = row;
    }

    @Override
    public UV setValue(UV value) {
      put(row, elements.encode(value, now()));
      return super.setValue(value);
    }
  }

  /** The entries of the current key and namespace; expired ones are deleted and left out. */
  private List<Entry> liveEntries() {
    byte[] prefix = currentRow();
    long now = now();
    List<Entry> result = new ArrayList<>();
    List<byte[]> expired = new ArrayList<>();
    try (RocksIterator it = backend.newIterator(column)) {
      for (it.seek(prefix); it.isValid(); it.next()) {
        byte[] row = it.key();
        if (!RowKeys.startsWith(row, prefix, prefix.length)) {
          break;
        }
        UV value = elements.decode(it.value());
        if (ttl != null && ttl.isExpired(elements.lastTimestamp(), now)) {
          expired.add(row);
          continue;
        }
        in.setBuffer(row, prefix.length, row.length - prefix.length);
        UK key;
        try {
          key = keySerializer.deserialize(in);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot deserialize a map key of state " + name, e);
        }
        result.add(new Entry(row, key, value));
      }
    }
    expired.forEach(this::delete);
    if (ttl != null && ttl.updateOnRead()) {
      for (Entry e : result) {
        put(e.row, elements.encode(e.getValue(), now));
      }
    }
    return result;
  }

  private long now() {
    return ttl == null ? 0 : ttl.now();
  }

  /** Iterates read entries; {@code remove()} deletes the row of the last one. */
  private final class EntryIterator implements Iterator<Map.Entry<UK, UV>> {
    private final Iterator<Entry> entries;
    private Entry last;

    EntryIterator(List<Entry> entries) {
      this.entries = entries.iterator();
    }

    @Override
    public boolean hasNext() {
      return entries.hasNext();
    }

    @Override
    public Map.Entry<UK, UV> next() {
      last = entries.next();
      return last;
    }

    @Override
    public void remove() {
      if (last == null) {
        throw new IllegalStateException("next() first");
      }
      delete(last.row);
      last = null;
    }
  }
}
