package io.eddy.api.windowing.evictors;

import io.eddy.api.annotation.Public;

/**
 * An element of a window with its timestamp, as an {@link Evictor} sees it.
 *
 * @param value the element
 * @param timestamp its timestamp ({@code Long.MIN_VALUE} when it has none)
 */
@Public
public record TimestampedValue<T>(T value, long timestamp) {
  public T getValue() {
    return value;
  }

  public long getTimestamp() {
    return timestamp;
  }

  public boolean hasTimestamp() {
    return timestamp != Long.MIN_VALUE;
  }
}
