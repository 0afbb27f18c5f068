package io.eddy.api.functions.co;

import io.eddy.api.annotation.Public;
import io.eddy.api.common.functions.AbstractRichFunction;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.datastream.OutputTag;

/**
 * Called for each pair of an interval join: a left and a right element of the same key whose
 * timestamps are within the join's bounds. Runs on the task thread, never concurrently. Records it
 * emits carry the larger of the two timestamps.
 */
@Public
public abstract class ProcessJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  public abstract void processElement(IN1 left, IN2 right, Context ctx, Collector<OUT> out)
      throws Exception;

  /** What {@link #processElement} may ask about the pair. */
  public abstract class Context {
    public abstract long getLeftTimestamp();

    public abstract long getRightTimestamp();

    /** The pair's timestamp: the larger of the two. */
    public abstract long getTimestamp();

    public abstract <X> void output(OutputTag<X> tag, X value);
  }
}
