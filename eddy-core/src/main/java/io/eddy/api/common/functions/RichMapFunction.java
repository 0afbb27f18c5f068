package io.eddy.api.common.functions;

import io.eddy.api.annotation.Public;

/** A {@link MapFunction} with the rich lifecycle and runtime context. */
@Public
public abstract class RichMapFunction<T, O> extends AbstractRichFunction
    implements MapFunction<T, O> {
  private static final long serialVersionUID = 1L;
}
