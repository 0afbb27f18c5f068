package io.eddy.api.common.typeutils;

import io.eddy.api.annotation.PublicEvolving;
import java.io.IOException;
import java.io.Serializable;

/**
 * Turns values of one type into bytes and back. One serializer is chosen per stream edge when the
 * job graph is built, and it is shipped to the tasks with the graph (hence {@link Serializable}).
 *
 * <p>Threading: a serializer instance is used by one thread at a time. Serializers that keep
 * mutable scratch state must return a fresh instance from {@link #duplicate()}; stateless ones may
 * return {@code this}. The runtime calls {@code duplicate()} once per task and edge.
 *
 * <p>Java native serialization never runs on the data plane: implementations write fields
 * explicitly.
 */
@PublicEvolving
public abstract class TypeSerializer<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Writes {@code value} (never null unless {@link #acceptsNull()}). */
  public abstract void serialize(T value, DataOutputView out) throws IOException;

  /** Reads one value written by {@link #serialize}. */
  public abstract T deserialize(DataInputView in) throws IOException;

  /** A deep copy of {@code value}, or the value itself for immutable types. */
  public abstract T copy(T value);

  /** An instance safe to use from another thread; {@code this} if stateless. */
  public TypeSerializer<T> duplicate() {
    return this;
  }

  /** Whether values of this type can never change after creation (copy may return them). */
  public boolean isImmutableType() {
    return false;
  }

  /** Whether {@code null} can be serialized. */
  public boolean acceptsNull() {
    return false;
  }
}
