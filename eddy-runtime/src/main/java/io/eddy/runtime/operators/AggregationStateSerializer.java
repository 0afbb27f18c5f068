package io.eddy.runtime.operators;

import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.api.java.tuple.Tuple;
import java.io.IOException;

/**
 * Writes the state of a {@link KeyedAggregationOperator} in checkpoints: a value of the stream's
 * type, or a {@link TupleLongSum}, which is written as the tuple it currently stands for and read
 * back as a {@code TupleLongSum} again when the operator uses them. Checkpoints thus hold plain
 * values of the stream's type.
 */
final class AggregationStateSerializer<T> extends TypeSerializer<Object> {
  private static final long serialVersionUID = 1L;

  private final TypeSerializer<T> valueSerializer;

  /** The summed field when restored tuples become {@link TupleLongSum}s; -1 if they do not. */
  private final int tupleLongSumPosition;

  AggregationStateSerializer(TypeSerializer<T> valueSerializer, int tupleLongSumPosition) {
    this.valueSerializer = valueSerializer;
    this.tupleLongSumPosition = tupleLongSumPosition;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void serialize(Object value, DataOutputView out) throws IOException {
    Object plain = value instanceof TupleLongSum sum ? sum.current() : value;
    valueSerializer.serialize((T) plain, out);
  }

  @Override
  public Object deserialize(DataInputView in) throws IOException {
    T value = valueSerializer.deserialize(in);
    if (tupleLongSumPosition >= 0
        && value instanceof Tuple tuple
        && tupleLongSumPosition < tuple.getArity()
        && tuple.getField(tupleLongSumPosition) instanceof Long) {
      return new TupleLongSum(tuple, tupleLongSumPosition);
    }
    return value;
  }

  /**
   * A deep copy, which the operator may change while a checkpoint still writes the original (the
   * keyed state backend copies stored values on their first change during a snapshot): a {@link
   * TupleLongSum} becomes a new one standing for a deep copy of its current tuple.
   */
  @Override
  @SuppressWarnings("unchecked")
  public Object copy(Object value) {
    if (value instanceof TupleLongSum sum) {
      return sum.copy(tuple -> (Tuple) valueSerializer.copy((T) tuple));
    }
    return value == null ? null : valueSerializer.copy((T) value);
  }

  /** Immutable when the stream's values are and no {@link TupleLongSum} (changed in place) is. */
  @Override
  public boolean isImmutableType() {
    return tupleLongSumPosition < 0 && valueSerializer.isImmutableType();
  }

  @Override
  public TypeSerializer<Object> duplicate() {
    return new AggregationStateSerializer<>(valueSerializer.duplicate(), tupleLongSumPosition);
  }
}
