package io.eddy.api.common.functions;

import io.eddy.api.annotation.Public;

/** Keeps the elements for which it returns true. */
@FunctionalInterface
@Public
public interface FilterFunction<T> extends Function {
  boolean filter(T value) throws Exception;
}
