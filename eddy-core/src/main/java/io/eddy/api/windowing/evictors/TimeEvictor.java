package io.eddy.api.windowing.evictors;

import io.eddy.api.annotation.Public;
import io.eddy.api.windowing.windows.Window;
import java.time.Duration;
import java.util.Iterator;

/**
 * Keeps the elements whose timestamp is within {@code windowSize} of the window's newest element:
 * evicts those with {@code timestamp <= max - windowSize}. Elements without timestamps are kept.
 */
@Public
public final class TimeEvictor<W extends Window> implements Evictor<Object, W> {
  private static final long serialVersionUID = 1L;
  private final long windowSize;
  private final boolean doEvictAfter;

  private TimeEvictor(long windowSize, boolean doEvictAfter) {
    if (windowSize < 0) {
      throw new IllegalArgumentException("The size must not be negative, but was " + windowSize);
    }
    this.windowSize = windowSize;
    this.doEvictAfter = doEvictAfter;
  }

  /** Evicts before the window function. */
  public static <W extends Window> TimeEvictor<W> of(Duration windowSize) {
    return new TimeEvictor<>(windowSize.toMillis(), false);
  }

  /** Evicts after the window function if {@code doEvictAfter}, else before. */
  public static <W extends Window> TimeEvictor<W> of(Duration windowSize, boolean doEvictAfter) {
    return new TimeEvictor<>(windowSize.toMillis(), doEvictAfter);
  }

  @Override
  public void evictBefore(
      Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
    if (!doEvictAfter) {
      evict(elements);
    }
  }

  @Override
  public void evictAfter(
      Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
    if (doEvictAfter) {
      evict(elements);
    }
  }

  private void evict(Iterable<TimestampedValue<Object>> elements) {
    long newest = Long.MIN_VALUE;
    boolean any = false;
    for (TimestampedValue<Object> e : elements) {
      if (e.hasTimestamp()) {
        any = true;
        newest = Math.max(newest, e.getTimestamp());
      }
    }
    if (!any) {
      return;
    }
    long cutoff = newest - windowSize;
    for (Iterator<TimestampedValue<Object>> it = elements.iterator(); it.hasNext(); ) {
      TimestampedValue<Object> e = it.next();
      if (e.hasTimestamp() && e.getTimestamp() <= cutoff) {
        it.remove();
      }
    }
  }

  @Override
  public String toString() {
    return "TimeEvictor(" + windowSize + (doEvictAfter ? ", after" : "") + ")";
  }
}
