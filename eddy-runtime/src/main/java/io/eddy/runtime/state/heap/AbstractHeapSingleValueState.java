package io.eddy.runtime.state.heap;

import java.util.Collection;

/**
 * Heap state that keeps one value per key (value, reducing and aggregating state). Without TTL the
 * value is stored as is; with TTL inside a {@link TtlValue} that is updated in place. Task thread
 * only.
 */
abstract class AbstractHeapSingleValueState<K, V> extends AbstractHeapState<K, Object> {

  AbstractHeapSingleValueState(
      HeapKeyedStateBackend<K> backend, String name, TtlPolicy ttl, StateMap.Copier copier) {
    super(backend, name, ttl, copier);
  }

  /** The current key's value, or null (also when it expired, unless expired values are visible). */
  @SuppressWarnings("unchecked")
  protected final V getValue() {
    if (ttl == null) {
      return (V) getStored();
    }
    long now = accessTime();
    TtlValue<V> stored = (TtlValue<V>) getStored();
    if (stored == null) {
      return null;
    }
    if (ttl.isExpired(stored, now)) {
      removeStored();
      return ttl.returnExpired() ? stored.value : null;
    }
    if (ttl.updateOnRead()) {
      stored.timestamp = now;
    }
    return stored.value;
  }

  /** Sets the current key's value, which must not be null. */
  @SuppressWarnings("unchecked")
  protected final void setValue(V value) {
    if (ttl == null) {
      putStored(value);
      return;
    }
    long now = accessTime();
    TtlValue<V> stored = (TtlValue<V>) getStored();
    if (stored == null) {
      putStored(new TtlValue<>(value, now));
    } else {
      stored.value = value;
      stored.timestamp = now;
    }
  }

  /**
   * For merging states: merges the values of {@code sources} into {@code target} with {@link
   * #mergeValues}, removing the sources' values.
   */
  public final void mergeNamespaces(Object target, Collection<?> sources) {
    Object saved = getCurrentNamespace();
    try {
      V merged = null;
      for (Object source : sources) {
        setCurrentNamespace(source);
        V value = getValue();
        if (value != null) {
          removeStored();
          merged = merged == null ? value : mergeValues(merged, value);
        }
      }
      if (merged != null) {
        setCurrentNamespace(target);
        V current = getValue();
        V result = current == null ? merged : mergeValues(current, merged);
        if (result == null) {
          removeStored();
        } else {
          setValue(result);
        }
      }
    } finally {
      setCurrentNamespace(saved);
    }
  }

  /** Combines two values of one key (for merging namespaces); unsupported unless overridden. */
  protected V mergeValues(V a, V b) {
    throw new UnsupportedOperationException(name + " cannot merge values");
  }

  @Override
  public final boolean anyExpired(Object stored, long now) {
    return ttl.isExpired((TtlValue<?>) stored, now);
  }

  @Override
  public final boolean pruneExpired(Object stored, long now) {
    return ttl.isExpired((TtlValue<?>) stored, now);
  }
}
