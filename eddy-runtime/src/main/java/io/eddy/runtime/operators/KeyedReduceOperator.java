package io.eddy.runtime.operators;

import io.eddy.api.common.functions.ReduceFunction;
import io.eddy.runtime.state.HeapValueState;
import io.eddy.runtime.streamrecord.StreamRecord;

/**
 * Running reduce per key: keeps the reduced value in keyed state and emits it after each record.
 * The stored value is never mutated after it was emitted (the reduce function gets it as {@code
 * value1} and must return a value, which may be a new object).
 */
public final class KeyedReduceOperator<T> extends AbstractUdfStreamOperator<T, ReduceFunction<T>>
    implements OneInputStreamOperator<T, T> {
  private HeapValueState<Object, T> state;

  public KeyedReduceOperator(ReduceFunction<T> function) {
    super(function);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void open() throws Exception {
    super.open();
    state =
        ((io.eddy.runtime.state.HeapKeyedStateBackend<Object>) setup.keyedStateBackend())
            .getValueState("_reduce");
  }

  @Override
  public void processElement(StreamRecord<T> record) {
    setKeyContext(record.getValue());
    T current = state.value();
    T result;
    if (current == null) {
      result = record.getValue();
    } else {
      try {
        result = userFunction.reduce(current, record.getValue());
      } catch (Exception e) {
        throw userError(e);
      }
    }
    state.update(result);
    output.collect(record.replace(result));
  }
}
