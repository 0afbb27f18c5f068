package io.eddy.api.common.state;

import io.eddy.api.annotation.Public;
import java.util.List;

/**
 * A list of values per key. Task thread only, scoped to the current key (see {@link State}).
 *
 * <p>{@link #get()} returns an unmodifiable view that is valid until the state is next written.
 * Null elements are rejected.
 *
 * @param <T> the type of the elements
 */
@Public
public interface ListState<T> extends AppendingState<T, Iterable<T>> {
  /** The current key's elements in insertion order; empty (never null) when there are none. */
  @Override
  Iterable<T> get();

  /** Appends all {@code values}. */
  void addAll(List<T> values);

  /** Replaces the current key's elements with {@code values} (an empty list clears). */
  void update(List<T> values);
}
