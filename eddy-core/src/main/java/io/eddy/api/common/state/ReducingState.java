package io.eddy.api.common.state;

import io.eddy.api.annotation.Public;

/**
 * One value per key that added values are folded into with the descriptor's {@code ReduceFunction}.
 * Task thread only, scoped to the current key (see {@link State}).
 *
 * @param <T> the type of the values
 */
@Public
public interface ReducingState<T> extends AppendingState<T, T> {}
