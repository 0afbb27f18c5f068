package io.eddy.api.functions.co;

import io.eddy.api.annotation.Public;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.functions.Function;

/**
 * Emits any number of elements for each element of two connected streams, one method per input.
 * Both methods run on the task thread, never concurrently.
 */
@Public
public interface CoFlatMapFunction<IN1, IN2, OUT> extends Function {
  void flatMap1(IN1 value, Collector<OUT> out) throws Exception;

  void flatMap2(IN2 value, Collector<OUT> out) throws Exception;
}
