package io.eddy.core.internal.windowing;

import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.state.KeyedStateStore;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.windowing.ProcessAllWindowFunction;
import io.eddy.api.functions.windowing.ProcessWindowFunction;
import io.eddy.api.windowing.windows.Window;

/**
 * Runs a {@link ProcessAllWindowFunction} as a process window function of the constant key that
 * {@code windowAll} uses. One context view is reused for every call.
 */
public final class ProcessAllWindowFunctionAdapter<IN, OUT, W extends Window>
    extends WrappingWindowFunction<IN, OUT, Byte, W, ProcessAllWindowFunction<IN, OUT, W>> {
  private static final long serialVersionUID = 1L;
  private transient AllContext allContext;

  public ProcessAllWindowFunctionAdapter(ProcessAllWindowFunction<IN, OUT, W> function) {
    super(function);
  }

  @Override
  public void process(Byte key, Context context, Iterable<IN> elements, Collector<OUT> out)
      throws Exception {
    wrapped.process(view(context), elements, out);
  }

  @Override
  public void clear(Context context) throws Exception {
    wrapped.clear(view(context));
  }

  private AllContext view(Context context) {
    if (allContext == null) {
      allContext = new AllContext(wrapped);
    }
    allContext.context = context;
    return allContext;
  }

  /** The all-window context over the keyed one. */
  private final class AllContext extends ProcessAllWindowFunction<IN, OUT, W>.Context {
    private ProcessWindowFunction<IN, OUT, Byte, W>.Context context;

    AllContext(ProcessAllWindowFunction<IN, OUT, W> function) {
      function.super();
    }

    @Override
    public W window() {
      return context.window();
    }

    @Override
    public long currentProcessingTime() {
      return context.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
      return context.currentWatermark();
    }

    @Override
    public KeyedStateStore windowState() {
      return context.windowState();
    }

    @Override
    public KeyedStateStore globalState() {
      return context.globalState();
    }

    @Override
    public <X> void output(OutputTag<X> outputTag, X value) {
      context.output(outputTag, value);
    }
  }
}
