package io.eddy.api.common.functions;

import io.eddy.api.annotation.Public;

/**
 * A function with a lifecycle: {@link #open} is called once per parallel instance before the first
 * element, {@link #close} after the last one (or on cancellation), both on the task thread.
 */
@Public
public interface RichFunction extends Function {
  void open(OpenContext context) throws Exception;

  void close() throws Exception;

  RuntimeContext getRuntimeContext();

  void setRuntimeContext(RuntimeContext context);
}
