package io.eddy.api.functions;

import io.eddy.api.common.functions.AbstractRichFunction;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.datastream.OutputTag;

/**
 * The most general per-element function: emits any number of records to the main output and to side
 * outputs. Runs on the task thread; never called concurrently.
 */
public abstract class ProcessFunction<I, O> extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

  /** What {@link #processElement} may ask about the current element. */
  public abstract class Context {
    /** The current element's event timestamp, or null if it has none. */
    public abstract Long timestamp();

    /** Emits a record to the side output identified by {@code tag}. */
    public abstract <X> void output(OutputTag<X> tag, X value);
  }
}
