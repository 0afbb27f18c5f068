package io.eddy.runtime.operators;

import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.dag.ops.Specs;
import io.eddy.core.dag.ops.Specs.AggregationKind;
import io.eddy.core.internal.types.FieldAccessor;
import io.eddy.core.internal.types.FieldAccessors;
import io.eddy.runtime.state.HeapKeyedStateBackend;
import io.eddy.runtime.state.HeapValueState;
import io.eddy.runtime.streamrecord.StreamRecord;

/**
 * Running sum/min/max/minBy/maxBy of one field per key, emitting the updated value after each
 * record. sum/min/max take the other fields from the key's first record; minBy/maxBy emit the whole
 * record holding the extreme value (the first one on ties when {@code first}). The stored value is
 * copied before it changes, so emitted objects are never mutated afterwards.
 */
public final class KeyedAggregationOperator<T> extends AbstractStreamOperator<T>
    implements OneInputStreamOperator<T, T> {
  private final Specs.Aggregation<T> spec;
  private FieldAccessor<T, Object> field;
  private TypeSerializer<T> serializer;
  private HeapValueState<Object, T> state;

  public KeyedAggregationOperator(Specs.Aggregation<T> spec) {
    this.spec = spec;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void open() {
    field =
        spec.fieldName() == null
            ? FieldAccessors.forPosition(spec.type(), spec.position())
            : FieldAccessors.forName(spec.type(), spec.fieldName());
    serializer = spec.stateSerializer().duplicate();
    state = ((HeapKeyedStateBackend<Object>) setup.keyedStateBackend()).getValueState("_aggregate");
  }

  @Override
  public void processElement(StreamRecord<T> record) {
    setKeyContext(record.getValue());
    T current = state.value();
    T in = record.getValue();
    T result = current == null ? in : aggregate(current, in);
    state.update(result);
    output.collect(record.replace(result));
  }

  @SuppressWarnings("unchecked")
  private T aggregate(T current, T in) {
    Object a = field.get(current);
    Object b = field.get(in);
    AggregationKind kind = spec.kind();
    switch (kind) {
      case SUM:
        return field.set(copyForUpdate(current), Numbers.add(a, b));
      case MIN:
        return compare(b, a) < 0 ? field.set(copyForUpdate(current), b) : current;
      case MAX:
        return compare(b, a) > 0 ? field.set(copyForUpdate(current), b) : current;
      case MIN_BY:
        {
          int c = compare(b, a);
          return c < 0 || (c == 0 && !spec.first()) ? in : current;
        }
      case MAX_BY:
        {
          int c = compare(b, a);
          return c > 0 || (c == 0 && !spec.first()) ? in : current;
        }
      default:
        throw new IllegalStateException("Unknown aggregation " + kind);
    }
  }

  /**
   * A copy whose field may be replaced without touching {@code current}: a shallow copy for tuples
   * (only one field reference changes), none for records (the accessor builds a new record), a deep
   * copy otherwise.
   */
  @SuppressWarnings("unchecked")
  private T copyForUpdate(T current) {
    if (current instanceof io.eddy.api.java.tuple.Tuple tuple) {
      return (T) tuple.copy();
    } else if (current instanceof Record) {
      return current;
    }
    return serializer.copy(current);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    if (!(a instanceof Comparable)) {
      throw new IllegalArgumentException(
          "min/max need a comparable field, but " + a.getClass().getName() + " is not Comparable.");
    }
    return ((Comparable) a).compareTo(b);
  }
}
