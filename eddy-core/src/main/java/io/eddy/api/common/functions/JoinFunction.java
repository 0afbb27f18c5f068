package io.eddy.api.common.functions;

import io.eddy.api.annotation.Public;

/**
 * Combines a pair of elements of two joined streams (one from each side, with equal keys, in the
 * same window) into one output. Called on the task thread.
 */
@FunctionalInterface
@Public
public interface JoinFunction<IN1, IN2, OUT> extends Function {
  OUT join(IN1 first, IN2 second) throws Exception;
}
