package io.eddy.api.functions.windowing;

import io.eddy.api.annotation.Public;
import io.eddy.api.common.functions.AbstractRichFunction;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.state.KeyedStateStore;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.windowing.windows.Window;
import java.io.Serializable;

/**
 * Evaluates a window of a keyed stream when its trigger fires: gets the key, the window's elements
 * (or the one pre-aggregated value after {@code reduce}/{@code aggregate}) and a context with the
 * window, time, state and side outputs. Records it emits carry the window's {@code maxTimestamp()}.
 * A rich function: {@code open}/{@code close} run once per parallel instance. All calls run on the
 * task thread, never concurrently.
 *
 * @param <IN> input type (what the window holds)
 * @param <OUT> output type
 * @param <KEY> key type
 * @param <W> window type
 */
@Public
public abstract class ProcessWindowFunction<IN, OUT, KEY, W extends Window>
    extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  /** Evaluates one window of one key; called once per firing. */
  public abstract void process(KEY key, Context context, Iterable<IN> elements, Collector<OUT> out)
      throws Exception;

  /**
   * Called when the window is dropped (its end plus allowed lateness passed, or on purge at the
   * cleanup time). Per-window state obtained from {@link Context#windowState()} is cleared by the
   * operator after this call.
   */
  public void clear(Context context) throws Exception {}

  /** What {@link #process} and {@link #clear} may ask. Valid only during that call. */
  public abstract class Context implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The window being evaluated. */
    public abstract W window();

    public abstract long currentProcessingTime();

    public abstract long currentWatermark();

    /** Keyed state scoped to the current key and window; cleared when the window is dropped. */
    public abstract KeyedStateStore windowState();

    /** Keyed state scoped to the current key only (shared by all its windows). */
    public abstract KeyedStateStore globalState();

    /** Emits to a side output, with the window's {@code maxTimestamp()} as timestamp. */
    public abstract <X> void output(OutputTag<X> outputTag, X value);
  }
}
