package io.eddy.core.internal.windowing;

import io.eddy.api.common.functions.Collector;
import io.eddy.api.functions.windowing.AllWindowFunction;
import io.eddy.api.windowing.windows.Window;

/** Runs an {@link AllWindowFunction} as a process window function (the key is ignored). */
public final class AllWindowFunctionAdapter<IN, OUT, W extends Window>
    extends WrappingWindowFunction<IN, OUT, Byte, W, AllWindowFunction<IN, OUT, W>> {
  private static final long serialVersionUID = 1L;

  public AllWindowFunctionAdapter(AllWindowFunction<IN, OUT, W> function) {
    super(function);
  }

  @Override
  public void process(Byte key, Context context, Iterable<IN> elements, Collector<OUT> out)
      throws Exception {
    wrapped.apply(context.window(), elements, out);
  }
}
