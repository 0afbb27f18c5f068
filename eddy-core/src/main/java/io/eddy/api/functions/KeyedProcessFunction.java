package io.eddy.api.functions;

import io.eddy.api.common.functions.AbstractRichFunction;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.datastream.OutputTag;

/**
 * A {@link ProcessFunction} on a keyed stream: each call knows the current key, and keyed state
 * obtained from the runtime context is scoped to it.
 */
public abstract class KeyedProcessFunction<K, I, O> extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

  /** What {@link #processElement} may ask about the current element. */
  public abstract class Context {
    public abstract Long timestamp();

    public abstract <X> void output(OutputTag<X> tag, X value);

    /** The key of the element being processed. */
    public abstract K getCurrentKey();
  }
}
