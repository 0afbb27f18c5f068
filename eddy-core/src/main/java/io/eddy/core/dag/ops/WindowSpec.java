package io.eddy.core.dag.ops;

import io.eddy.api.annotation.Internal;
import io.eddy.api.common.state.AppendingState;
import io.eddy.api.common.state.StateDescriptor;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.windowing.ProcessWindowFunction;
import io.eddy.api.windowing.assigners.WindowAssigner;
import io.eddy.api.windowing.evictors.Evictor;
import io.eddy.api.windowing.triggers.Trigger;
import io.eddy.api.windowing.windows.Window;

/**
 * A keyed window operator, as {@code WindowedStream} records it.
 *
 * @param assigner puts elements into windows
 * @param trigger decides when windows fire and purge
 * @param evictor removes elements when a window fires; null for none (then the contents may be
 *     pre-aggregated)
 * @param allowedLatenessMillis how long after its end a window still takes late elements
 * @param lateDataTag where elements too late for all their windows go; null: dropped
 * @param contentsDescriptor the per-window contents: a list (of elements, or of {@code
 *     TimestampedValue}s with an evictor), or a reducing or aggregating state
 * @param function evaluates a window from what {@code contentsDescriptor}'s state returns
 */
@Internal
public record WindowSpec<T, K, W extends Window>(
    WindowAssigner<? super T, W> assigner,
    Trigger<? super T, ? super W> trigger,
    Evictor<? super T, ? super W> evictor,
    long allowedLatenessMillis,
    OutputTag<T> lateDataTag,
    StateDescriptor<? extends AppendingState<?, ?>, ?> contentsDescriptor,
    ProcessWindowFunction<?, ?, K, W> function)
    implements OperatorSpec {}
