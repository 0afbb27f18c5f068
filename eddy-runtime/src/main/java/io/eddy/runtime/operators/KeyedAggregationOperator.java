package io.eddy.runtime.operators;

import io.eddy.api.common.state.ValueState;
import io.eddy.api.java.tuple.Tuple;
import io.eddy.core.dag.ops.Specs;
import io.eddy.core.dag.ops.Specs.AggregationKind;
import io.eddy.core.internal.types.FieldAccessor;
import io.eddy.core.internal.types.FieldAccessors;
import io.eddy.core.internal.windowing.FieldAggregator;
import io.eddy.runtime.state.KeyedStateBackend;
import io.eddy.runtime.streamrecord.StreamRecord;

/**
 * Running sum/min/max/minBy/maxBy of one field per key, emitting the updated value after each
 * record. sum/min/max take the other fields from the key's first record (the same {@link
 * FieldAggregator} windows use); minBy/maxBy emit the whole record holding the extreme value (the
 * first one on ties when {@code first}). A stored value is never changed after it was emitted.
 */
public final class KeyedAggregationOperator<T> extends AbstractStreamOperator<T>
    implements OneInputStreamOperator<T, T> {
  private final Specs.Aggregation<T> spec;
  private FieldAggregator<T> aggregator;
  private FieldAccessor<T, Object> field;
  private ValueState<Object> state;
  private boolean writeBackSums; // the backend keeps copies: a sum changed in place is written back

  /**
   * For sum on a tuple field of Longs: keep a {@link TupleLongSum} as the state (decided per key).
   */
  private boolean tupleLongSum;

  public KeyedAggregationOperator(Specs.Aggregation<T> spec) {
    this.spec = spec;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void open() {
    AggregationKind kind = spec.kind();
    if (kind == AggregationKind.MIN_BY || kind == AggregationKind.MAX_BY) {
      field =
          spec.fieldName() == null
              ? FieldAccessors.forPosition(spec.type(), spec.position())
              : FieldAccessors.forName(spec.type(), spec.fieldName());
    } else {
      aggregator =
          new FieldAggregator<>(
              FieldAggregator.Kind.valueOf(kind.name()),
              spec.type(),
              spec.position(),
              spec.fieldName());
      tupleLongSum = kind == AggregationKind.SUM && spec.fieldName() == null;
    }
    KeyedStateBackend<Object> backend = (KeyedStateBackend<Object>) setup.keyedStateBackend();
    writeBackSums = !backend.storesValuesByReference();
    state =
        backend.getValueState(
            "_aggregate",
            new AggregationStateSerializer<>(
                spec.type().createSerializer(), tupleLongSum ? spec.position() : -1));
  }

  @Override
  @SuppressWarnings("unchecked")
  public void processElement(StreamRecord<T> record) {
    setKeyContext(record.getValue());
    Object stored = state.value();
    T in = record.getValue();
    if (stored instanceof TupleLongSum sum) {
      T result = (T) sum.add((Long) ((Tuple) in).getField(spec.position()));
      if (writeBackSums) {
        state.update(sum); // changed in place: a backend that serializes (RocksDB) needs it again
      }
      output.collect(record.replace(result));
      return;
    }
    T result;
    if (stored == null) {
      result = in;
      state.update(startState(in));
    } else {
      result = aggregate((T) stored, in);
      state.update(result);
    }
    output.collect(record.replace(result));
  }

  /** What the state keeps for a key's first record. */
  private Object startState(T first) {
    if (tupleLongSum
        && first instanceof Tuple tuple
        && spec.position() < tuple.getArity()
        && tuple.getField(spec.position()) instanceof Long) {
      return new TupleLongSum(tuple, spec.position());
    }
    return first;
  }

  private T aggregate(T current, T in) {
    if (aggregator != null) {
      return aggregator.reduce(current, in);
    }
    int c = compare(field.get(in), field.get(current));
    boolean takeNew = spec.kind() == AggregationKind.MIN_BY ? c < 0 : c > 0;
    return takeNew || (c == 0 && !spec.first()) ? in : current;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    if (!(a instanceof Comparable)) {
      throw new IllegalArgumentException(
          "minBy/maxBy need a comparable field, but "
              + a.getClass().getName()
              + " is not Comparable.");
    }
    return ((Comparable) a).compareTo(b);
  }
}
