package io.eddy.runtime.state.heap;

import io.eddy.api.common.state.ListState;
import io.eddy.runtime.state.InternalMergingState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * {@link ListState} on the heap: an {@code ArrayList} per key. With TTL each element is a {@link
 * TtlValue} and expires on its own; {@link #get()} then copies the live elements. Task thread only.
 */
public final class HeapListState<K, T> extends AbstractHeapState<K, ArrayList<Object>>
    implements ListState<T>, InternalMergingState {

  HeapListState(
      HeapKeyedStateBackend<K> backend, String name, TtlPolicy ttl, StateMap.Copier copier) {
    super(backend, name, ttl, copier);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Iterable<T> get() {
    if (ttl == null) {
      ArrayList<Object> list = getStored();
      return list == null ? List.of() : (List<T>) Collections.unmodifiableList(list);
    }
    long now = accessTime();
    ArrayList<Object> list = getStored();
    if (list == null) {
      return List.of();
    }
    List<T> result = new ArrayList<>(list.size());
    int kept = 0;
    for (int i = 0; i < list.size(); i++) {
      TtlValue<T> element = (TtlValue<T>) list.get(i);
      if (ttl.isExpired(element, now)) {
        if (ttl.returnExpired()) {
          result.add(element.value);
        }
        continue;
      }
      if (ttl.updateOnRead()) {
        element.timestamp = now;
      }
      result.add(element.value);
      list.set(kept++, element);
    }
    truncate(list, kept);
    if (list.isEmpty()) {
      removeStored();
    }
    return Collections.unmodifiableList(result);
  }

  @Override
  public void add(T value) {
    Objects.requireNonNull(value, "ListState does not accept null elements");
    long now = ttl == null ? 0 : accessTime();
    listForAppend().add(wrap(value, now));
  }

  @Override
  public void addAll(List<T> values) {
    if (values == null || values.isEmpty()) {
      return;
    }
    long now = ttl == null ? 0 : accessTime();
    ArrayList<Object> list = listForAppend();
    list.ensureCapacity(list.size() + values.size());
    for (T value : values) {
      list.add(wrap(Objects.requireNonNull(value, "ListState does not accept null elements"), now));
    }
  }

  @Override
  public void update(List<T> values) {
    if (values == null || values.isEmpty()) {
      clear();
      return;
    }
    long now = ttl == null ? 0 : accessTime();
    ArrayList<Object> list = new ArrayList<>(values.size());
    for (T value : values) {
      list.add(wrap(Objects.requireNonNull(value, "ListState does not accept null elements"), now));
    }
    putStored(list);
  }

  @Override
  public void mergeNamespaces(Object target, Collection<?> sources) {
    Object saved = getCurrentNamespace();
    try {
      ArrayList<Object> merged = null;
      for (Object source : sources) {
        setCurrentNamespace(source);
        ArrayList<Object> list = getStored();
        if (list != null) {
          removeStored();
          if (merged == null) {
            merged = list;
          } else {
            merged.addAll(list);
          }
        }
      }
      if (merged != null) {
        setCurrentNamespace(target);
        ArrayList<Object> current = getStored();
        if (current == null) {
          putStored(merged);
        } else {
          current.addAll(merged);
        }
      }
    } finally {
      setCurrentNamespace(saved);
    }
  }

  @Override
  public boolean anyExpired(ArrayList<Object> list, long now) {
    for (int i = 0; i < list.size(); i++) {
      if (ttl.isExpired((TtlValue<?>) list.get(i), now)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean pruneExpired(ArrayList<Object> list, long now) {
    int kept = 0;
    for (int i = 0; i < list.size(); i++) {
      TtlValue<?> element = (TtlValue<?>) list.get(i);
      if (!ttl.isExpired(element, now)) {
        list.set(kept++, element);
      }
    }
    truncate(list, kept);
    return list.isEmpty();
  }

  private ArrayList<Object> listForAppend() {
    ArrayList<Object> list = getStored();
    if (list == null) {
      list = new ArrayList<>();
      putStored(list);
    }
    return list;
  }

  private Object wrap(T value, long now) {
    return ttl == null ? value : new TtlValue<>(value, now);
  }

  private static void truncate(ArrayList<Object> list, int size) {
    if (size < list.size()) {
      list.subList(size, list.size()).clear();
    }
  }
}
