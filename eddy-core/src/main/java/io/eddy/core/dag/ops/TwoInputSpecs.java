package io.eddy.core.dag.ops;

import io.eddy.api.annotation.Internal;
import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.functions.co.BroadcastProcessFunction;
import io.eddy.api.functions.co.CoFlatMapFunction;
import io.eddy.api.functions.co.CoMapFunction;
import io.eddy.api.functions.co.CoProcessFunction;
import io.eddy.api.functions.co.KeyedBroadcastProcessFunction;
import io.eddy.api.functions.co.KeyedCoProcessFunction;
import io.eddy.api.functions.co.ProcessJoinFunction;
import java.util.List;

/** The specs of two-input operators the DataStream API records. */
@Internal
public final class TwoInputSpecs {
  private TwoInputSpecs() {}

  public record CoMap<I1, I2, O>(CoMapFunction<I1, I2, O> function) implements OperatorSpec {}

  public record CoFlatMap<I1, I2, O>(CoFlatMapFunction<I1, I2, O> function)
      implements OperatorSpec {}

  public record CoProcess<I1, I2, O>(CoProcessFunction<I1, I2, O> function)
      implements OperatorSpec {}

  public record KeyedCoProcess<K, I1, I2, O>(KeyedCoProcessFunction<K, I1, I2, O> function)
      implements OperatorSpec {}

  /** A non-keyed stream connected to a broadcast stream carrying {@code descriptors}' state. */
  public record BroadcastProcess<I1, I2, O>(
      BroadcastProcessFunction<I1, I2, O> function, List<MapStateDescriptor<?, ?>> descriptors)
      implements OperatorSpec {}

  /** A keyed stream connected to a broadcast stream carrying {@code descriptors}' state. */
  public record KeyedBroadcastProcess<K, I1, I2, O>(
      KeyedBroadcastProcessFunction<K, I1, I2, O> function,
      List<MapStateDescriptor<?, ?>> descriptors)
      implements OperatorSpec {}

  /**
   * Joins records of two keyed streams whose timestamps satisfy {@code left + lowerBound <= right
   * <= left + upperBound} (bounds in milliseconds, already made inclusive).
   */
  public record IntervalJoin<I1, I2, O>(
      ProcessJoinFunction<I1, I2, O> function, long lowerBound, long upperBound)
      implements OperatorSpec {}
}
