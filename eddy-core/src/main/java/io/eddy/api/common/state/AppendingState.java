package io.eddy.api.common.state;

import io.eddy.api.annotation.Public;

/**
 * State that values are added to, and that is read as one result. Task thread only, scoped to the
 * current key (see {@link State}).
 *
 * @param <IN> the type of the values added
 * @param <OUT> the type of the result
 */
@Public
public interface AppendingState<IN, OUT> extends State {
  /** The current key's result, or null when nothing was added (for lists: an empty iterable). */
  OUT get();

  /** Adds {@code value} to the current key's state. */
  void add(IN value);
}
