package io.eddy.core.internal.windowing;

import io.eddy.api.common.functions.Collector;
import io.eddy.api.functions.windowing.WindowFunction;
import io.eddy.api.windowing.windows.Window;

/** Runs a {@link WindowFunction} as a process window function. */
public final class WindowFunctionAdapter<IN, OUT, KEY, W extends Window>
    extends WrappingWindowFunction<IN, OUT, KEY, W, WindowFunction<IN, OUT, KEY, W>> {
  private static final long serialVersionUID = 1L;

  public WindowFunctionAdapter(WindowFunction<IN, OUT, KEY, W> function) {
    super(function);
  }

  @Override
  public void process(KEY key, Context context, Iterable<IN> elements, Collector<OUT> out)
      throws Exception {
    wrapped.apply(key, context.window(), elements, out);
  }
}
