package io.eddy.api.common.functions;

import io.eddy.api.annotation.Public;

/** Transforms one element into exactly one element. */
@FunctionalInterface
@Public
public interface MapFunction<T, O> extends Function {
  O map(T value) throws Exception;
}
