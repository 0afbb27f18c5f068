package io.eddy.api.common.functions;

import io.eddy.api.annotation.Public;

/** A {@link ReduceFunction} with the rich lifecycle and runtime context. */
@Public
public abstract class RichReduceFunction<T> extends AbstractRichFunction
    implements ReduceFunction<T> {
  private static final long serialVersionUID = 1L;
}
