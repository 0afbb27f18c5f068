package io.eddy.api.functions;

import io.eddy.api.TimeDomain;
import io.eddy.api.TimerService;
import io.eddy.api.annotation.Public;
import io.eddy.api.common.functions.AbstractRichFunction;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.datastream.OutputTag;

/**
 * A {@link ProcessFunction} on a keyed stream: each call knows the current key, and keyed state
 * obtained from the runtime context is scoped to it. Timers registered through {@link
 * Context#timerService()} call {@link #onTimer} with their key as the current key. All calls run on
 * the task thread, never concurrently.
 */
@Public
public abstract class KeyedProcessFunction<K, I, O> extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

  /**
   * Called when a timer registered through {@link Context#timerService()} fires.
   *
   * @param timestamp the timer's timestamp
   * @param ctx the timer's key and time domain; emits to side outputs
   * @param out emits records carrying {@code timestamp} as their timestamp
   */
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

  /** What {@link #processElement} may ask about the current element. */
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
    /** Whether the firing timer is an event-time or a processing-time timer. */
    public abstract TimeDomain timeDomain();

    /** The key of the firing timer. */
    @Override
    public abstract K getCurrentKey();
  }
}
