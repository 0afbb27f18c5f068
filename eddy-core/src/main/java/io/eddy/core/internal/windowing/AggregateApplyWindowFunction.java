package io.eddy.core.internal.windowing;

import io.eddy.api.common.functions.AggregateFunction;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.functions.windowing.ProcessWindowFunction;
import io.eddy.api.windowing.windows.Window;
import java.util.List;

/**
 * With an evictor the window keeps its elements: aggregates them when it fires, then hands the
 * result to the user's window function.
 */
public final class AggregateApplyWindowFunction<T, ACC, V, OUT, KEY, W extends Window>
    extends WrappingWindowFunction<T, OUT, KEY, W, ProcessWindowFunction<V, OUT, KEY, W>> {
  private static final long serialVersionUID = 1L;
  private final AggregateFunction<T, ACC, V> aggregator;

  public AggregateApplyWindowFunction(
      AggregateFunction<T, ACC, V> aggregator, ProcessWindowFunction<V, OUT, KEY, W> function) {
    super(function);
    this.aggregator = aggregator;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void process(KEY key, Context context, Iterable<T> elements, Collector<OUT> out)
      throws Exception {
    ACC acc = aggregator.createAccumulator();
    for (T element : elements) {
      acc = aggregator.add(element, acc);
    }
    wrapped.process(
        key,
        (ProcessWindowFunction<V, OUT, KEY, W>.Context) (Object) context,
        List.of(aggregator.getResult(acc)),
        out);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void clear(Context context) throws Exception {
    wrapped.clear((ProcessWindowFunction<V, OUT, KEY, W>.Context) (Object) context);
  }
}
