package io.eddy.core.internal.windowing;

import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.functions.ReduceFunction;
import io.eddy.api.functions.windowing.ProcessWindowFunction;
import io.eddy.api.windowing.windows.Window;
import java.util.List;

/**
 * With an evictor the window keeps its elements: reduces them when it fires, then hands the one
 * result to the user's window function.
 */
public final class ReduceApplyWindowFunction<T, OUT, KEY, W extends Window>
    extends WrappingWindowFunction<T, OUT, KEY, W, ProcessWindowFunction<T, OUT, KEY, W>> {
  private static final long serialVersionUID = 1L;
  private final ReduceFunction<T> reducer;

  public ReduceApplyWindowFunction(
      ReduceFunction<T> reducer, ProcessWindowFunction<T, OUT, KEY, W> function) {
    super(function);
    this.reducer = reducer;
  }

  @Override
  public void process(KEY key, Context context, Iterable<T> elements, Collector<OUT> out)
      throws Exception {
    T result = null;
    for (T element : elements) {
      result = result == null ? element : reducer.reduce(result, element);
    }
    if (result != null) {
      wrapped.process(key, context, List.of(result), out);
    }
  }

  @Override
  public void clear(Context context) throws Exception {
    wrapped.clear(context);
  }
}
