package io.eddy.api.common.state;

import io.eddy.api.annotation.Public;
import io.eddy.api.common.typeinfo.TypeInformation;

/**
 * Describes a {@link ValueState}.
 *
 * @param <T> the type of the value
 */
@Public
public class ValueStateDescriptor<T> extends StateDescriptor<ValueState<T>, T> {
  private static final long serialVersionUID = 1L;

  private final T defaultValue;

  public ValueStateDescriptor(String name, Class<T> type) {
    super(name, type);
    this.defaultValue = null;
  }

  public ValueStateDescriptor(String name, TypeInformation<T> typeInfo) {
    super(name, typeInfo);
    this.defaultValue = null;
  }

  /**
   * A state whose {@link ValueState#value()} returns {@code defaultValue} for keys without a value.
   * The same object is returned for every such key, so it must not be mutated; prefer immutable
   * defaults (numbers, strings, records), or a null check in the function.
   */
  public ValueStateDescriptor(String name, TypeInformation<T> typeInfo, T defaultValue) {
    super(name, typeInfo);
    this.defaultValue = defaultValue;
  }

  /** Like {@link #ValueStateDescriptor(String, TypeInformation, Object)}. */
  public ValueStateDescriptor(String name, Class<T> type, T defaultValue) {
    super(name, type);
    this.defaultValue = defaultValue;
  }

  /** The value returned for keys without a value; null unless given. */
  public T getDefaultValue() {
    return defaultValue;
  }

  @Override
  public Type getType() {
    return Type.VALUE;
  }
}
