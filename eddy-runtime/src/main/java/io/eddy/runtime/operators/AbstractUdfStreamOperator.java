package io.eddy.runtime.operators;

import io.eddy.api.common.functions.Function;
import io.eddy.api.common.functions.OpenContext;
import io.eddy.api.common.functions.RichFunction;

/** An operator around one user function: opens and closes it if it is a rich function. */
public abstract class AbstractUdfStreamOperator<OUT, F extends Function>
    extends AbstractStreamOperator<OUT> {
  private static final OpenContext OPEN_CONTEXT = new OpenContext() {};
  protected final F userFunction;

  protected AbstractUdfStreamOperator(F userFunction) {
    this.userFunction = userFunction;
  }

  @Override
  public void open() throws Exception {
    if (userFunction instanceof RichFunction rich) {
      rich.setRuntimeContext(setup.runtimeContext());
      try {
        rich.open(OPEN_CONTEXT);
      } catch (Exception e) {
        throw userError(e);
      }
    }
  }

  @Override
  public void close() throws Exception {
    if (userFunction instanceof RichFunction rich) {
      rich.close();
    }
  }
}
