package io.eddy.api.common.state;

import io.eddy.api.annotation.Public;
import io.eddy.api.common.functions.ReduceFunction;
import io.eddy.api.common.typeinfo.TypeInformation;
import java.util.Objects;

/**
 * Describes a {@link ReducingState}.
 *
 * @param <T> the type of the values
 */
@Public
public class ReducingStateDescriptor<T> extends StateDescriptor<ReducingState<T>, T> {
  private static final long serialVersionUID = 1L;

  private final ReduceFunction<T> reduceFunction;

  public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, Class<T> type) {
    super(name, type);
    this.reduceFunction = Objects.requireNonNull(reduceFunction, "reduceFunction");
  }

  public ReducingStateDescriptor(
      String name, ReduceFunction<T> reduceFunction, TypeInformation<T> typeInfo) {
    super(name, typeInfo);
    this.reduceFunction = Objects.requireNonNull(reduceFunction, "reduceFunction");
  }

  public ReduceFunction<T> getReduceFunction() {
    return reduceFunction;
  }

  @Override
  public Type getType() {
    return Type.REDUCING;
  }
}
