package io.eddy.api.datastream;

import io.eddy.api.annotation.Public;
import java.time.Duration;

/**
 * The first step of an interval join of two keyed streams ({@link
 * KeyedStream#intervalJoin(KeyedStream)}): choose the bounds with {@link #between}.
 */
@Public
public final class IntervalJoin<T1, T2, KEY> {
  private final KeyedStream<T1, KEY> left;
  private final KeyedStream<T2, KEY> right;

  IntervalJoin(KeyedStream<T1, KEY> left, KeyedStream<T2, KEY> right) {
    TwoInputs.requireSameEnvironment(right, left.getExecutionEnvironment());
    TwoInputs.requireSameKeyType(left.getKeyType(), right.getKeyType(), "intervalJoin");
    this.left = left;
    this.right = right;
  }

  /**
   * Joins a left element at time {@code t} with the right elements of the same key at times in
   * {@code [t + lowerBound, t + upperBound]} (both inclusive unless made exclusive). Event time.
   *
   * @throws IllegalArgumentException if {@code lowerBound} is after {@code upperBound}
   */
  public IntervalJoined<T1, T2, KEY> between(Duration lowerBound, Duration upperBound) {
    if (lowerBound == null || upperBound == null) {
      throw new IllegalArgumentException("The bounds of an interval join must not be null.");
    }
    if (lowerBound.compareTo(upperBound) > 0) {
      throw new IllegalArgumentException(
          "The lower bound "
              + lowerBound
              + " of an interval join must not be after its upper bound "
              + upperBound
              + ".");
    }
    return new IntervalJoined<>(left, right, lowerBound.toMillis(), upperBound.toMillis());
  }
}
