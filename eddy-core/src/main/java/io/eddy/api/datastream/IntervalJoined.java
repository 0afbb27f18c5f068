package io.eddy.api.datastream;

import io.eddy.api.annotation.Public;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.functions.co.ProcessJoinFunction;
import io.eddy.core.dag.ops.TwoInputSpecs;
import io.eddy.core.internal.types.TypeExtractor;

/**
 * An interval join with its bounds: make a bound exclusive, then {@link #process} the pairs.
 *
 * <p>The join runs in event time. Each parallel instance buffers the elements of both sides in
 * keyed state and drops them once the watermark (the minimum of both inputs') passes the last time
 * they could still join; an element behind the watermark when it arrives is late and dropped.
 */
@Public
public final class IntervalJoined<T1, T2, KEY> {
  private final KeyedStream<T1, KEY> left;
  private final KeyedStream<T2, KEY> right;
  private final long lowerBound;
  private final long upperBound;
  private boolean lowerBoundInclusive = true;
  private boolean upperBoundInclusive = true;

  IntervalJoined(
      KeyedStream<T1, KEY> left, KeyedStream<T2, KEY> right, long lowerBound, long upperBound) {
    this.left = left;
    this.right = right;
    this.lowerBound = lowerBound;
    this.upperBound = upperBound;
  }

  /** Excludes right elements at exactly {@code t + lowerBound}. */
  public IntervalJoined<T1, T2, KEY> lowerBoundExclusive() {
    lowerBoundInclusive = false;
    return this;
  }

  /** Excludes right elements at exactly {@code t + upperBound}. */
  public IntervalJoined<T1, T2, KEY> upperBoundExclusive() {
    upperBoundInclusive = false;
    return this;
  }

  /**
   * Calls {@code function} for each joined pair; its output records carry the larger of the two
   * timestamps.
   *
   * @throws IllegalArgumentException if exclusive bounds leave an empty interval
   */
  public <OUT> SingleOutputStreamOperator<OUT> process(ProcessJoinFunction<T1, T2, OUT> function) {
    long lower = lowerBoundInclusive ? lowerBound : lowerBound + 1;
    long upper = upperBoundInclusive ? upperBound : upperBound - 1;
    if (lower > upper) {
      throw new IllegalArgumentException(
          "The interval join's bounds ["
              + lowerBound
              + ", "
              + upperBound
              + "] with exclusive ends leave no time to join: widen them.");
    }
    TypeInformation<OUT> out =
        TypeExtractor.getOutputType(
            function, ProcessJoinFunction.class, 2, left.getType(), right.getType());
    return TwoInputs.transform(
        left,
        right,
        "Interval Join",
        new TwoInputSpecs.IntervalJoin<>(function, lower, upper),
        out,
        false);
  }
}
