package io.eddy.api.common.functions;

import io.eddy.api.annotation.Public;

/** A {@link FilterFunction} with the rich lifecycle and runtime context. */
@Public
public abstract class RichFilterFunction<T> extends AbstractRichFunction
    implements FilterFunction<T> {
  private static final long serialVersionUID = 1L;
}
