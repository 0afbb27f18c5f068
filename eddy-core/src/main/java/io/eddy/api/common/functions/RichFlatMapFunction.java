package io.eddy.api.common.functions;

/** A {@link FlatMapFunction} with the rich lifecycle and runtime context. */
public abstract class RichFlatMapFunction<T, O> extends AbstractRichFunction
    implements FlatMapFunction<T, O> {
  private static final long serialVersionUID = 1L;
}
