package io.eddy.core.internal.windowing;

import io.eddy.api.common.functions.Function;
import io.eddy.api.common.functions.OpenContext;
import io.eddy.api.common.functions.RichFunction;
import io.eddy.api.common.functions.RuntimeContext;
import io.eddy.api.functions.windowing.ProcessWindowFunction;
import io.eddy.api.windowing.windows.Window;

/**
 * A {@link ProcessWindowFunction} around another user function, passing the rich lifecycle (runtime
 * context, open, close) on to it when it is a {@link RichFunction}.
 */
abstract class WrappingWindowFunction<IN, OUT, KEY, W extends Window, F extends Function>
    extends ProcessWindowFunction<IN, OUT, KEY, W> {
  private static final long serialVersionUID = 1L;
  protected final F wrapped;

  WrappingWindowFunction(F wrapped) {
    if (wrapped == null) {
      throw new IllegalArgumentException("The window function must not be null.");
    }
    this.wrapped = wrapped;
  }

  @Override
  public void setRuntimeContext(RuntimeContext context) {
    super.setRuntimeContext(context);
    if (wrapped instanceof RichFunction rich) {
      rich.setRuntimeContext(context);
    }
  }

  @Override
  public void open(OpenContext context) throws Exception {
    if (wrapped instanceof RichFunction rich) {
      rich.open(context);
    }
  }

  @Override
  public void close() throws Exception {
    if (wrapped instanceof RichFunction rich) {
      rich.close();
    }
  }
}
