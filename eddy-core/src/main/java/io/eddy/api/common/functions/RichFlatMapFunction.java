package io.eddy.api.common.functions;

import io.eddy.api.annotation.Public;

/** A {@link FlatMapFunction} with the rich lifecycle and runtime context. */
@Public
public abstract class RichFlatMapFunction<T, O> extends AbstractRichFunction
    implements FlatMapFunction<T, O> {
  private static final long serialVersionUID = 1L;
}
