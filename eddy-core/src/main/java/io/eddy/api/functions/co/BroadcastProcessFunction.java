package io.eddy.api.functions.co;

import io.eddy.api.annotation.Public;
import io.eddy.api.common.functions.Collector;

/**
 * Processes a non-keyed stream connected to a broadcast stream: {@link #processElement} sees the
 * broadcast state read-only, {@link #processBroadcastElement} (called on every parallel instance
 * for every broadcast element) may change it. Both run on the task thread, never concurrently.
 * There is no ordering between the two inputs.
 */
@Public
public abstract class BroadcastProcessFunction<IN1, IN2, OUT> extends BaseBroadcastProcessFunction {
  private static final long serialVersionUID = 1L;

  public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out)
      throws Exception;

  public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out)
      throws Exception;
}
