package io.eddy.api.functions.windowing;

import io.eddy.api.annotation.Public;
import io.eddy.api.common.functions.AbstractRichFunction;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.state.KeyedStateStore;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.windowing.windows.Window;

/**
 * Evaluates a window of a non-keyed stream ({@code windowAll}); like {@link ProcessWindowFunction}
 * without the key. Runs with parallelism 1, on the task thread.
 */
@Public
public abstract class ProcessAllWindowFunction<IN, OUT, W extends Window>
    extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  public abstract void process(Context context, Iterable<IN> elements, Collector<OUT> out)
      throws Exception;

  /** Called when the window is dropped. */
  public void clear(Context context) throws Exception {}

  /** What {@link #process} and {@link #clear} may ask. Valid only during that call. */
  public abstract class Context {
    public abstract W window();

    public abstract long currentProcessingTime();

    public abstract long currentWatermark();

    /** State scoped to the window; cleared when the window is dropped. */
    public abstract KeyedStateStore windowState();

    /** State shared by all windows. */
    public abstract KeyedStateStore globalState();

    public abstract <X> void output(OutputTag<X> outputTag, X value);
  }
}
