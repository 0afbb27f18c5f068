package io.eddy.runtime.operators.windowing;

import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.functions.ReduceFunction;
import io.eddy.core.dag.ops.OperatorSpec;

/**
 * The pre-aggregation the planner puts in front of the shuffle of a keyed event-time tumbling or
 * sliding window that reduces (see {@link WindowPreAggregateOperator}). Elements are reduced per
 * key and <em>pane</em>: the longest stretches of time whose elements all fall into the same
 * windows (a tumbling window itself; for sliding windows, the greatest common divisor of size and
 * slide).
 *
 * @param keySelector the window's key
 * @param reducer the window's reduce function
 * @param paneSize the panes' length in milliseconds
 * @param paneOffset the panes' offset from the epoch in milliseconds
 * @param panesShareWindows whether a window spans several panes (sliding windows): then a key's
 *     values of different panes must reach it in the order of their elements
 */
public record WindowPreAggregation<T>(
    KeySelector<T, ?> keySelector,
    ReduceFunction<T> reducer,
    long paneSize,
    long paneOffset,
    boolean panesShareWindows)
    implements OperatorSpec {}
