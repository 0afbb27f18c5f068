package io.eddy.runtime.operators;

import io.eddy.api.common.functions.ReduceFunction;
import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.runtime.state.KeyedStateBackend;
import io.eddy.runtime.streamrecord.StreamRecord;

/**
 * Running reduce per key: keeps the reduced value in keyed state and emits it after each record.
 * The stored value is never mutated after it was emitted (the reduce function gets it as {@code
 * value1} and must return a value, which may be a new object).
 */
public final class KeyedReduceOperator<T> extends AbstractUdfStreamOperator<T, ReduceFunction<T>>
    implements OneInputStreamOperator<T, T> {
  private final TypeSerializer<T> stateSerializer;
  private ValueState<T> state;

  /**
   * @param stateSerializer writes the reduced values in checkpoints (null: no checkpoints)
   */
  public KeyedReduceOperator(ReduceFunction<T> function, TypeSerializer<T> stateSerializer) {
    super(function);
    this.stateSerializer = stateSerializer;
  }

  public KeyedReduceOperator(ReduceFunction<T> function) {
    this(function, null);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void open() throws Exception {
    super.open();
    state =
        ((KeyedStateBackend<Object>) setup.keyedStateBackend())
            .getValueState("_reduce", stateSerializer == null ? null : stateSerializer.duplicate());
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
