package io.eddy.api.common.functions;

import io.eddy.api.annotation.Public;

/** Convenience base for rich functions; override {@code open}/{@code close} as needed. */
@Public
public abstract class AbstractRichFunction implements RichFunction {
  private static final long serialVersionUID = 1L;
  private transient RuntimeContext runtimeContext;

  @Override
  public void open(OpenContext context) throws Exception {}

  @Override
  public void close() throws Exception {}

  @Override
  public RuntimeContext getRuntimeContext() {
    if (runtimeContext == null) {
      throw new IllegalStateException(
          "The runtime context is set only once the function runs in a task.");
    }
    return runtimeContext;
  }

  @Override
  public void setRuntimeContext(RuntimeContext context) {
    this.runtimeContext = context;
  }
}
