package io.eddy.api.common.functions;

/** Keeps the elements for which it returns true. */
@FunctionalInterface
public interface FilterFunction<T> extends Function {
  boolean filter(T value) throws Exception;
}
