package io.eddy.api.functions;

import io.eddy.api.TimeDomain;
import io.eddy.api.TimerService;
import io.eddy.api.annotation.Public;
import io.eddy.api.common.functions.AbstractRichFunction;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.datastream.OutputTag;

/**
 * The most general per-element function: emits any number of records to the main output and to side
 * outputs. Runs on the task thread; never called concurrently.
 */
@Public
public abstract class ProcessFunction<I, O> extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

  /**
   * Never called: timers need a keyed stream, where {@link KeyedProcessFunction#onTimer} is the
   * callback. Kept so that code written against the Flink API compiles unchanged.
   */
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

  /** What {@link #processElement} may ask about the current element. */
  public abstract class Context {
    /** The current element's event timestamp, or null if it has none. */
    public abstract Long timestamp();

    /** Emits a record to the side output identified by {@code tag}. */
    public abstract <X> void output(OutputTag<X> tag, X value);

    /**
     * The current processing time and watermark. Registering or deleting timers throws {@link
     * UnsupportedOperationException}: timers need a keyed stream.
     */
    public abstract TimerService timerService();
  }

  /** What {@link #onTimer} may ask about the firing timer. */
  public abstract class OnTimerContext extends Context {
    public abstract TimeDomain timeDomain();
  }
}
