package io.eddy.api.common.state;

import io.eddy.api.annotation.Public;

/**
 * One accumulator per key that added values are aggregated into with the descriptor's {@code
 * AggregateFunction}; {@link #get()} returns its result. Task thread only, scoped to the current
 * key (see {@link State}).
 *
 * @param <IN> the type of the values added
 * @param <OUT> the type of the result
 */
@Public
public interface AggregatingState<IN, OUT> extends AppendingState<IN, OUT> {}
