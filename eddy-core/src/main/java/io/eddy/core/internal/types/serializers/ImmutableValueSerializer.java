package io.eddy.core.internal.types.serializers;

import io.eddy.api.common.typeutils.TypeSerializer;

/** Base of stateless serializers for immutable values: copy returns the value itself. */
public abstract class ImmutableValueSerializer<T> extends TypeSerializer<T> {
  private static final long serialVersionUID = 1L;

  @Override
  public final T copy(T value) {
    return value;
  }

  @Override
  public final boolean isImmutableType() {
    return true;
  }
}
