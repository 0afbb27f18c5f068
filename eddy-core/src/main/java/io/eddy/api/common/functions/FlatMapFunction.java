package io.eddy.api.common.functions;

/** Transforms one element into zero or more elements. */
@FunctionalInterface
public interface FlatMapFunction<T, O> extends Function {
  void flatMap(T value, Collector<O> out) throws Exception;
}
