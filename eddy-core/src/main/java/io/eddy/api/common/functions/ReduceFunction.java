package io.eddy.api.common.functions;

import io.eddy.api.annotation.Public;

/** Combines two values of the same type into one; must be associative. */
@FunctionalInterface
@Public
public interface ReduceFunction<T> extends Function {
  T reduce(T value1, T value2) throws Exception;
}
