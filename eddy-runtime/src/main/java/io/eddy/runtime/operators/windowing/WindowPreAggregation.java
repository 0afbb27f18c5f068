package io.eddy.runtime.operators.windowing;

import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.functions.ReduceFunction;
import io.eddy.core.dag.ops.OperatorSpec;

/**
 * The pre-aggregation the planner puts in front of the shuffle of a keyed event-time tumbling
 * window that reduces (see {@link WindowPreAggregateOperator}).
 *
 * @param keySelector the window's key
 * @param reducer the window's reduce function
 * @param windowSize the tumbling windows' length in milliseconds
 * @param windowOffset the tumbling windows' offset in milliseconds
 */
public record WindowPreAggregation<T>(
    KeySelector<T, ?> keySelector, ReduceFunction<T> reducer, long windowSize, long windowOffset)
    implements OperatorSpec {}
