package io.eddy.state.rocksdb;

import io.eddy.api.common.state.ListState;
import io.eddy.api.common.state.StateDescriptor;
import io.eddy.core.internal.memory.DataOutputSerializer;
import io.eddy.runtime.state.InternalMergingState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.rocksdb.ColumnFamilyHandle;

/**
 * {@link ListState} in RocksDB: one row per (key, namespace) holding the elements, each with its
 * length; {@link #add} appends by a RocksDB merge without reading the list. With TTL every element
 * expires on its own, and {@link #get()} rewrites the row without expired ones. Task thread only.
 */
final class RocksDBListState<K, T> extends AbstractRocksDBState<K>
    implements ListState<T>, InternalMergingState {
  private final Elements<T> elements;

  RocksDBListState(
      RocksDBKeyedStateBackend<K> backend,
      String name,
      ColumnFamilyHandle column,
      Ttl ttl,
      Elements<T> elements) {
    super(backend, name, StateDescriptor.Type.LIST, column, ttl);
    this.elements = elements;
  }

  @Override
  public Iterable<T> get() {
    byte[] row = currentRow();
    byte[] stored = get(row);
    if (stored == null) {
      return List.of();
    }
    List<T> result = new ArrayList<>();
    if (ttl == null) {
      Elements.forEachListElement(
          stored, (offset, length) -> result.add(elements.decode(stored, offset, length)));
      return Collections.unmodifiableList(result);
    }
    long now = ttl.now();
    List<T> live = new ArrayList<>();
    boolean[] changed = {ttl.updateOnRead()};
    Elements.forEachListElement(
        stored,
        (offset, length) -> {
          T value = elements.decode(stored, offset, length);
          if (ttl.isExpired(elements.lastTimestamp(), now)) {
            changed[0] = true;
            if (ttl.returnExpired()) {
              result.add(value);
            }
          } else {
            result.add(value);
            live.add(value);
          }
        });
    if (live.isEmpty()) {
      delete(row);
    } else if (changed[0]) {
      // TTL: the timestamps of the live elements are kept unless reads update them
      put(row, rewriteLive(stored, now));
    }
    return Collections.unmodifiableList(result);
  }

  /** The list row of {@code stored}'s unexpired elements, stamped {@code now} if reads update. */
  private byte[] rewriteLive(byte[] stored, long now) {
    DataOutputSerializer out = new DataOutputSerializer(stored.length);
    Elements.forEachListElement(
        stored,
        (offset, length) -> {
          T value = elements.decode(stored, offset, length);
          long timestamp = elements.lastTimestamp();
          if (!ttl.isExpired(timestamp, now)) {
            byte[] element = elements.encode(value, ttl.updateOnRead() ? now : timestamp);
            out.writeVarInt(element.length);
            out.write(element);
          }
        });
    return out.getCopyOfBuffer();
  }

  @Override
  public void add(T value) {
    Objects.requireNonNull(value, "ListState does not accept null elements");
    backend.merge(column, currentRow(), elements.encodeList(List.of(value), now()));
  }

  @Override
  public void addAll(List<T> values) {
    if (values == null || values.isEmpty()) {
      return;
    }
    values.forEach(v -> Objects.requireNonNull(v, "ListState does not accept null elements"));
    backend.merge(column, currentRow(), elements.encodeList(values, now()));
  }

  @Override
  public void update(List<T> values) {
    if (values == null || values.isEmpty()) {
      clear();
      return;
    }
    values.forEach(v -> Objects.requireNonNull(v, "ListState does not accept null elements"));
    put(currentRow(), elements.encodeList(values, now()));
  }

  @Override
  public void mergeNamespaces(Object target, Collection<?> sources) {
    Object saved = getCurrentNamespace();
    try {
      DataOutputSerializer merged = new DataOutputSerializer(64);
      for (Object source : sources) {
        setCurrentNamespace(source);
        byte[] row = currentRow();
        byte[] stored = get(row);
        if (stored != null) {
          delete(row);
          merged.write(stored);
        }
      }
      if (merged.length() > 0) {
        setCurrentNamespace(target);
        backend.merge(column, currentRow(), merged.getCopyOfBuffer());
      }
    } finally {
      setCurrentNamespace(saved);
    }
  }

  private long now() {
    return ttl == null ? 0 : ttl.now();
  }
}
