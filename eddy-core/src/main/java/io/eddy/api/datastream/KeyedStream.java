package io.eddy.api.datastream;

import io.eddy.api.annotation.Public;
import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.functions.ReduceFunction;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.windowing.assigners.WindowAssigner;
import io.eddy.api.windowing.windows.Window;
import io.eddy.core.dag.OneInputTransformation;
import io.eddy.core.dag.PartitionSpec;
import io.eddy.core.dag.PartitionTransformation;
import io.eddy.core.dag.ops.Specs;
import io.eddy.core.dag.ops.Specs.AggregationKind;
import io.eddy.core.internal.types.FieldAccessors;
import io.eddy.core.internal.types.TypeExtractor;

/**
 * A stream partitioned by key: every record of a key goes to the same subtask, and operators on it
 * keep state per key. Aggregations emit one updated value per input record (streaming semantics).
 */
@Public
public class KeyedStream<T, K> extends DataStream<T> {
  private final KeySelector<T, K> keySelector;
  private final TypeInformation<K> keyType;

  KeyedStream(DataStream<T> input, KeySelector<T, K> keySelector, TypeInformation<K> keyType) {
    super(
        input.getExecutionEnvironment(),
        new PartitionTransformation<>(
            input.getTransformation(),
            new PartitionSpec(PartitionSpec.Kind.KEY_GROUPS, keySelector, null)));
    this.keySelector = keySelector;
    this.keyType = keyType;
  }

  public KeySelector<T, K> getKeySelector() {
    return keySelector;
  }

  public TypeInformation<K> getKeyType() {
    return keyType;
  }

  @Override
  void configureKeyedInput(OneInputTransformation<T, ?> t) {
    t.setStateKey(keySelector, keyType);
  }

  /** Running reduce per key: emits the reduced value after each record. */
  public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
    return transform(
        "Keyed Reduce", new Specs.Reduce<>(reducer, getType().createSerializer()), getType());
  }

  public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<K, T, R> function) {
    TypeInformation<R> out =
        TypeExtractor.getOutputType(function, KeyedProcessFunction.class, 2, getType());
    return transform("Keyed Process", new Specs.KeyedProcess<>(function), out);
  }

  /**
   * Joins this stream with {@code other} by key and event time: each element of this stream with
   * the elements of {@code other} whose timestamps lie within bounds of its own (see {@link
   * IntervalJoin#between}).
   *
   * @throws IllegalArgumentException if the key types differ or the environments do
   */
  public <T1> IntervalJoin<T, T1, K> intervalJoin(KeyedStream<T1, K> other) {
    return new IntervalJoin<>(this, other);
  }

  /** Running sum of a field (tuple position, record component index, or 0 for a number). */
  public SingleOutputStreamOperator<T> sum(int position) {
    return aggregate(AggregationKind.SUM, position, null, false);
  }

  /** Running sum of a field named like a record component, POJO field or {@code f0}. */
  public SingleOutputStreamOperator<T> sum(String field) {
    return aggregate(AggregationKind.SUM, -1, field, false);
  }

  /** Running minimum of a field; the other fields keep the key's first record's values. */
  public SingleOutputStreamOperator<T> min(int position) {
    return aggregate(AggregationKind.MIN, position, null, false);
  }

  public SingleOutputStreamOperator<T> min(String field) {
    return aggregate(AggregationKind.MIN, -1, field, false);
  }

  public SingleOutputStreamOperator<T> max(int position) {
    return aggregate(AggregationKind.MAX, position, null, false);
  }

  public SingleOutputStreamOperator<T> max(String field) {
    return aggregate(AggregationKind.MAX, -1, field, false);
  }

  /** The whole record with the smallest value of the field so far (the first one on ties). */
  public SingleOutputStreamOperator<T> minBy(int position) {
    return aggregate(AggregationKind.MIN_BY, position, null, true);
  }

  public SingleOutputStreamOperator<T> minBy(String field) {
    return aggregate(AggregationKind.MIN_BY, -1, field, true);
  }

  public SingleOutputStreamOperator<T> maxBy(int position) {
    return aggregate(AggregationKind.MAX_BY, position, null, true);
  }

  public SingleOutputStreamOperator<T> maxBy(String field) {
    return aggregate(AggregationKind.MAX_BY, -1, field, true);
  }

  private SingleOutputStreamOperator<T> aggregate(
      AggregationKind kind, int position, String field, boolean first) {
    // Resolve the field now so a wrong position or name fails when the job is built.
    if (field == null) {
      FieldAccessors.forPosition(getType(), position);
    } else {
      FieldAccessors.forName(getType(), field);
    }
    String what = field == null ? String.valueOf(position) : field;
    String name = kind.name().toLowerCase().replace("_by", "By") + "(" + what + ")";
    return transform(
        name, new Specs.Aggregation<>(kind, getType(), position, field, first), getType());
  }

  // ---------------------------------------------------------------- windows

  /**
   * Cuts each key's elements into windows of {@code assigner}; evaluate them with {@code reduce},
   * {@code aggregate}, {@code process} or {@code apply} on the result.
   */
  public <W extends Window> WindowedStream<T, K, W> window(WindowAssigner<? super T, W> assigner) {
    return new WindowedStream<>(this, assigner);
  }
}
