package io.eddy.runtime.state;

import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.state.StateDescriptor;
import java.util.Locale;

/**
 * A user state a keyed state backend made, with the descriptor it was made from; a second request
 * under the same name must ask for the same kind and types. Shared by the backends, so each says
 * the same one line about a clash.
 *
 * @param <S> the backend's state type
 */
public record RegisteredState<S>(StateDescriptor<?, ?> descriptor, S state) {

  /**
   * Checks that {@code other}, asked for under this state's name, is the same kind with the same
   * types.
   *
   * @throws IllegalStateException naming both, if not
   */
  public void checkCompatible(StateDescriptor<?, ?> other) {
    if (other.getType() != descriptor.getType() || !typeName(other).equals(typeName(descriptor))) {
      throw new IllegalStateException(
          "State '"
              + descriptor.getName()
              + "' is already registered as "
              + describe(descriptor)
              + " and cannot be used as "
              + describe(other)
              + ": use a different name for each state.");
    }
  }

  private static String describe(StateDescriptor<?, ?> d) {
    return d.getType().name().toLowerCase(Locale.ROOT) + " state of " + typeName(d);
  }

  private static String typeName(StateDescriptor<?, ?> d) {
    if (d instanceof MapStateDescriptor<?, ?> m) {
      return "<"
          + m.getKeyTypeInformation().getTypeClass().getName()
          + ", "
          + m.getValueTypeInformation().getTypeClass().getName()
          + ">";
    }
    return d.getTypeInformation().getTypeClass().getName();
  }
}
