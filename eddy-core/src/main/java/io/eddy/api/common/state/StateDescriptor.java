package io.eddy.api.common.state;

import io.eddy.api.annotation.Public;
import io.eddy.api.common.typeinfo.TypeInformation;
import java.io.Serializable;
import java.util.Objects;

/**
 * Names a keyed state and gives its type; {@code RuntimeContext.getState(...)} and friends return
 * the state it describes. The name identifies the state within one operator: asking again with the
 * same name returns the same state, and asking with the same name for another kind or type is an
 * error. Descriptors are serializable, so they may be fields of functions.
 *
 * @param <S> the kind of state
 * @param <T> the type of the value the state stores (for lists the element type, for aggregating
 *     state the accumulator type)
 */
@Public
public abstract class StateDescriptor<S extends State, T> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The kinds of keyed state. */
  public enum Type {
    VALUE,
    LIST,
    MAP,
    REDUCING,
    AGGREGATING
  }

  private final String name;
  private final TypeInformation<T> typeInfo;
  private StateTtlConfig ttlConfig = StateTtlConfig.DISABLED;

  protected StateDescriptor(String name, TypeInformation<T> typeInfo) {
    this.name = Objects.requireNonNull(name, "name");
    this.typeInfo = Objects.requireNonNull(typeInfo, "typeInfo");
  }

  protected StateDescriptor(String name, Class<T> type) {
    this(name, TypeInformation.of(Objects.requireNonNull(type, "type")));
  }

  public String getName() {
    return name;
  }

  /** The type of the stored value (see the class comment). */
  public TypeInformation<T> getTypeInformation() {
    return typeInfo;
  }

  public abstract Type getType();

  /** Makes values of this state expire; see {@link StateTtlConfig}. */
  public void enableTimeToLive(StateTtlConfig ttlConfig) {
    this.ttlConfig = Objects.requireNonNull(ttlConfig, "ttlConfig");
  }

  /** The TTL configuration; {@link StateTtlConfig#DISABLED} unless enabled. */
  public StateTtlConfig getTtlConfig() {
    return ttlConfig;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{name=" + name + ", type=" + typeInfo + "}";
  }
}
