package io.eddy.api.common.state;

import io.eddy.api.annotation.Public;

/**
 * One value per key. Task thread only, scoped to the current key (see {@link State}).
 *
 * @param <T> the type of the value
 */
@Public
public interface ValueState<T> extends State {
  /**
   * The current key's value, or the descriptor's default value (null unless set) when there is
   * none.
   */
  T value();

  /** Sets the current key's value; {@code null} clears it. */
  void update(T value);
}
