package io.eddy.core.internal.windowing;

import io.eddy.api.common.functions.Collector;
import io.eddy.api.functions.windowing.ProcessWindowFunction;
import io.eddy.api.windowing.windows.Window;

/** Emits the window's contents as they are (the pre-aggregated value of reduce/aggregate). */
public final class PassThroughWindowFunction<T, KEY, W extends Window>
    extends ProcessWindowFunction<T, T, KEY, W> {
  private static final long serialVersionUID = 1L;

  @Override
  public void process(KEY key, Context context, Iterable<T> elements, Collector<T> out) {
    for (T element : elements) {
      out.collect(element);
    }
  }
}
