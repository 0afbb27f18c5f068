package io.eddy.runtime.state.heap;

import io.eddy.api.common.state.ValueState;

/** {@link ValueState} on the heap. Task thread only. */
public final class HeapKeyedValueState<K, T> extends AbstractHeapSingleValueState<K, T>
    implements ValueState<T> {
  private final T defaultValue;

  HeapKeyedValueState(
      HeapKeyedStateBackend<K> backend,
      String name,
      TtlPolicy ttl,
      StateMap.Copier copier,
      T defaultValue) {
    super(backend, name, ttl, copier);
    this.defaultValue = defaultValue;
  }

  @Override
  public T value() {
    T value = getValue();
    return value == null ? defaultValue : value;
  }

  @Override
  public void update(T value) {
    if (value == null) {
      clear();
    } else {
      setValue(value);
    }
  }
}
