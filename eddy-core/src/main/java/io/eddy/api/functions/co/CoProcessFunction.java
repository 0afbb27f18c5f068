package io.eddy.api.functions.co;

import io.eddy.api.TimeDomain;
import io.eddy.api.TimerService;
import io.eddy.api.annotation.Public;
import io.eddy.api.common.functions.AbstractRichFunction;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.datastream.OutputTag;

/**
 * Processes the elements of two connected streams, with side outputs. Both {@code processElement}
 * methods run on the task thread, never concurrently: they may share fields without locks. Its
 * timer service tells the time and the operator's watermark (the minimum of both inputs');
 * registering timers needs keyed streams ({@link KeyedCoProcessFunction}).
 */
@Public
public abstract class CoProcessFunction<IN1, IN2, OUT> extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  public abstract void processElement1(IN1 value, Context ctx, Collector<OUT> out) throws Exception;

  public abstract void processElement2(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

  /** Never called: timers need keyed streams. Kept so Flink code compiles unchanged. */
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

  /** What the {@code processElement} methods may ask about the current element. */
  public abstract class Context {
    /** The current element's event timestamp, or null if it has none. */
    public abstract Long timestamp();

    /** Time and watermark; registering timers throws {@link UnsupportedOperationException}. */
    public abstract TimerService timerService();

    /** Emits a record to the side output identified by {@code tag}. */
    public abstract <X> void output(OutputTag<X> tag, X value);
  }

  /** What {@link #onTimer} may ask about the firing timer. */
  public abstract class OnTimerContext extends Context {
    public abstract TimeDomain timeDomain();
  }
}
