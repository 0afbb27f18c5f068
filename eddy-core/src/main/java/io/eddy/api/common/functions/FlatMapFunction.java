package io.eddy.api.common.functions;

import io.eddy.api.annotation.Public;

/** Transforms one element into zero or more elements. */
@FunctionalInterface
@Public
public interface FlatMapFunction<T, O> extends Function {
  void flatMap(T value, Collector<O> out) throws Exception;
}
