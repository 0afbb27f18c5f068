package io.eddy.api.common.state;

import io.eddy.api.annotation.Public;
import io.eddy.api.common.functions.AggregateFunction;
import io.eddy.api.common.typeinfo.TypeInformation;
import java.util.Objects;

/**
 * Describes an {@link AggregatingState}; the type given is the accumulator's.
 *
 * @param <IN> the type of the values added
 * @param <ACC> the type of the accumulator
 * @param <OUT> the type of the result
 */
@Public
public class AggregatingStateDescriptor<IN, ACC, OUT>
    extends StateDescriptor<AggregatingState<IN, OUT>, ACC> {
  private static final long serialVersionUID = 1L;

  private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

  public AggregatingStateDescriptor(
      String name, AggregateFunction<IN, ACC, OUT> aggregateFunction, Class<ACC> accumulatorType) {
    super(name, accumulatorType);
    this.aggregateFunction = Objects.requireNonNull(aggregateFunction, "aggregateFunction");
  }

  public AggregatingStateDescriptor(
      String name,
      AggregateFunction<IN, ACC, OUT> aggregateFunction,
      TypeInformation<ACC> accumulatorType) {
    super(name, accumulatorType);
    this.aggregateFunction = Objects.requireNonNull(aggregateFunction, "aggregateFunction");
  }

  public AggregateFunction<IN, ACC, OUT> getAggregateFunction() {
    return aggregateFunction;
  }

  @Override
  public Type getType() {
    return Type.AGGREGATING;
  }
}
