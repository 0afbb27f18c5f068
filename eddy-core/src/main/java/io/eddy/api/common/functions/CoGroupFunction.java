package io.eddy.api.common.functions;

import io.eddy.api.annotation.Public;

/**
 * Gets all elements of both sides with one key in one window (either side may be empty). Called on
 * the task thread.
 */
@FunctionalInterface
@Public
public interface CoGroupFunction<IN1, IN2, O> extends Function {
  void coGroup(Iterable<IN1> first, Iterable<IN2> second, Collector<O> out) throws Exception;
}
