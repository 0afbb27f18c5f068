package io.eddy.api.functions.co;

import io.eddy.api.annotation.Public;
import io.eddy.api.common.functions.Function;

/**
 * Maps the elements of two connected streams to one output type, one method per input. Both methods
 * run on the task thread, never concurrently, so they may share fields without locks.
 */
@Public
public interface CoMapFunction<IN1, IN2, OUT> extends Function {
  OUT map1(IN1 value) throws Exception;

  OUT map2(IN2 value) throws Exception;
}
