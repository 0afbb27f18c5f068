package io.eddy.api.common.functions;

/** Transforms one element into exactly one element. */
@FunctionalInterface
public interface MapFunction<T, O> extends Function {
  O map(T value) throws Exception;
}
