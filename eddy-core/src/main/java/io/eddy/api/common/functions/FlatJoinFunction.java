package io.eddy.api.common.functions;

import io.eddy.api.annotation.Public;

/**
 * Combines a pair of elements of two joined streams into zero or more outputs. Called on the task
 * thread.
 */
@FunctionalInterface
@Public
public interface FlatJoinFunction<IN1, IN2, OUT> extends Function {
  void join(IN1 first, IN2 second, Collector<OUT> out) throws Exception;
}
