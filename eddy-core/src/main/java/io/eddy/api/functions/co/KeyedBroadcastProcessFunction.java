package io.eddy.api.functions.co;

import io.eddy.api.TimeDomain;
import io.eddy.api.TimerService;
import io.eddy.api.annotation.Public;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.state.KeyedStateFunction;
import io.eddy.api.common.state.State;
import io.eddy.api.common.state.StateDescriptor;

/**
 * Processes a keyed stream connected to a broadcast stream. {@link #processElement} runs with the
 * element's key as the current key: it may use keyed state and timers and reads the broadcast
 * state. {@link #processBroadcastElement} runs without a current key on every parallel instance and
 * may change the broadcast state, and visit the keyed state of all keys with {@link
 * Context#applyToKeyedState}. All calls run on the task thread, never concurrently.
 */
@Public
public abstract class KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>
    extends BaseBroadcastProcessFunction {
  private static final long serialVersionUID = 1L;

  public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out)
      throws Exception;

  public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out)
      throws Exception;

  /** Called when a timer registered in {@link #processElement} (or here) fires. */
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

  /** The broadcast side's context. */
  public abstract class Context extends BaseBroadcastProcessFunction.Context {
    /**
     * Calls {@code function} once for every key of this subtask that has a value in the keyed state
     * {@code descriptor} names, with that key as the current key (so the function may read, update
     * or clear it).
     */
    public abstract <VS, S extends State> void applyToKeyedState(
        StateDescriptor<S, VS> descriptor, KeyedStateFunction<KS, S> function) throws Exception;
  }

  /** The keyed side's context. */
  public abstract class ReadOnlyContext extends BaseBroadcastProcessFunction.ReadOnlyContext {
    /** Time and timers, scoped to the current key. */
    public abstract TimerService timerService();

    /** The key of the element being processed. */
    public abstract KS getCurrentKey();
  }

  /** What {@link #onTimer} may ask about the firing timer. */
  public abstract class OnTimerContext extends ReadOnlyContext {
    public abstract TimeDomain timeDomain();
  }
}
