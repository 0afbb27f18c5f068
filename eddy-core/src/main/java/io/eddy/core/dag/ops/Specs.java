package io.eddy.core.dag.ops;

import io.eddy.api.annotation.Internal;
import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.api.common.functions.FilterFunction;
import io.eddy.api.common.functions.FlatMapFunction;
import io.eddy.api.common.functions.MapFunction;
import io.eddy.api.common.functions.ReduceFunction;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.api.connector.sink.Sink;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.ProcessFunction;

/** The operator specs the DataStream API records. */
@Internal
public final class Specs {
  private Specs() {}

  public record Map<I, O>(MapFunction<I, O> function) implements OperatorSpec {}

  public record FlatMap<I, O>(FlatMapFunction<I, O> function) implements OperatorSpec {}

  public record Filter<T>(FilterFunction<T> function) implements OperatorSpec {}

  public record Process<I, O>(ProcessFunction<I, O> function) implements OperatorSpec {}

  public record KeyedProcess<K, I, O>(KeyedProcessFunction<K, I, O> function)
      implements OperatorSpec {}

  /**
   * Assigns timestamps with the strategy's assigner and emits the watermarks of its generator,
   * replacing upstream watermarks.
   */
  public record TimestampsAndWatermarks<T>(WatermarkStrategy<T> strategy) implements OperatorSpec {}

  /** Keyed running reduce: one output per input, the reduced value of the key so far. */
  public record Reduce<T>(ReduceFunction<T> function, TypeSerializer<T> stateSerializer)
      implements OperatorSpec {}

  /** Keyed running sum/min/max/minBy/maxBy on one field. */
  /**
   * Keyed running sum/min/max/minBy/maxBy on one field, named by {@code position} (when {@code
   * fieldName} is null) or by name.
   */
  public record Aggregation<T>(
      AggregationKind kind, TypeInformation<T> type, int position, String fieldName, boolean first)
      implements OperatorSpec {}

  public enum AggregationKind {
    SUM,
    MIN,
    MAX,
    MIN_BY,
    MAX_BY
  }

  /** Writes to a {@link Sink}. */
  public record SinkTo<T>(Sink<T> sink) implements OperatorSpec {}

  /**
   * Ships records to the client for {@code executeAndCollect}; {@code collectId} names the result
   * buffer on the JobManager.
   */
  public record Collect<T>(String collectId, TypeSerializer<T> serializer)
      implements OperatorSpec {}
}
