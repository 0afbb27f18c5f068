package io.eddy.runtime.state.heap;

import io.eddy.api.common.functions.ReduceFunction;
import io.eddy.api.common.state.ReducingState;
import io.eddy.runtime.state.InternalMergingState;

/** {@link ReducingState} on the heap: the reduced value per key. Task thread only. */
final class HeapReducingState<K, T> extends AbstractHeapSingleValueState<K, T>
    implements ReducingState<T>, InternalMergingState {
  private final ReduceFunction<T> reduceFunction;

  HeapReducingState(
      HeapKeyedStateBackend<K> backend,
      String name,
      TtlPolicy ttl,
      StateMap.Copier copier,
      ReduceFunction<T> reduceFunction) {
    super(backend, name, ttl, copier);
    this.reduceFunction = reduceFunction;
  }

  @Override
  public T get() {
    return getValue();
  }

  @Override
  public void add(T value) {
    if (value == null) {
      return;
    }
    T current = getValue();
    T result = current == null ? value : mergeValues(current, value);
    if (result == null) {
      clear();
    } else {
      setValue(result);
    }
  }

  @Override
  protected T mergeValues(T a, T b) {
    try {
      return reduceFunction.reduce(a, b);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new StateFunctionException("The reduce function of state '" + name + "' failed", e);
    }
  }
}
