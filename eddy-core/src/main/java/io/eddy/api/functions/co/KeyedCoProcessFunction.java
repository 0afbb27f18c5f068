package io.eddy.api.functions.co;

import io.eddy.api.TimeDomain;
import io.eddy.api.TimerService;
import io.eddy.api.annotation.Public;
import io.eddy.api.common.functions.AbstractRichFunction;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.datastream.OutputTag;

/**
 * Processes the elements of two connected streams keyed by keys of the same type. Each call knows
 * the current key; keyed state from the runtime context is scoped to it and shared by both inputs
 * (so the function can join the two sides per key). Timers registered through {@link
 * Context#timerService()} call {@link #onTimer} with their key as the current key. Event time is
 * the minimum of both inputs' watermarks. All calls run on the task thread, never concurrently.
 */
@Public
public abstract class KeyedCoProcessFunction<K, IN1, IN2, OUT> extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  public abstract void processElement1(IN1 value, Context ctx, Collector<OUT> out) throws Exception;

  public abstract void processElement2(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

  /** Called when a timer fires; {@code out} emits records carrying {@code timestamp}. */
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

  /** What the {@code processElement} methods may ask about the current element. */
  public abstract class Context {
    /** The current element's event timestamp, or null if it has none (the timer's in onTimer). */
    public abstract Long timestamp();

    /** Time and timers, scoped to the current key. */
    public abstract TimerService timerService();

    public abstract <X> void output(OutputTag<X> tag, X value);

    /** The key of the element being processed. */
    public abstract K getCurrentKey();
  }

  /** What {@link #onTimer} may ask about the firing timer. */
  public abstract class OnTimerContext extends Context {
    public abstract TimeDomain timeDomain();
  }
}
