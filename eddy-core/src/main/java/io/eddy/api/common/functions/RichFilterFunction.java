package io.eddy.api.common.functions;

/** A {@link FilterFunction} with the rich lifecycle and runtime context. */
public abstract class RichFilterFunction<T> extends AbstractRichFunction
    implements FilterFunction<T> {
  private static final long serialVersionUID = 1L;
}
