package io.eddy.api.windowing.windows;

import io.eddy.api.annotation.Public;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The half-open time range {@code [start, end)} in milliseconds. */
@Public
public final class TimeWindow extends Window {
  private final long start;
  private final long end;

  public TimeWindow(long start, long end) {
    if (end <= start) {
      throw new IllegalArgumentException(
          "A time window needs start < end, got [" + start + ", " + end + ")");
    }
    this.start = start;
    this.end = end;
  }

  public long getStart() {
    return start;
  }

  public long getEnd() {
    return end;
  }

  @Override
  public long maxTimestamp() {
    return end - 1;
  }

  /** Whether the two windows overlap or touch (a session gap closes only strictly between). */
  public boolean intersects(TimeWindow other) {
    return start <= other.end && end >= other.start;
  }

  /** The smallest window covering both. */
  public TimeWindow cover(TimeWindow other) {
    return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
  }

  /**
   * The start of the window of size {@code size} (shifted by {@code offset}) that contains {@code
   * timestamp}; correct for negative timestamps too.
   */
  public static long getWindowStartWithOffset(long timestamp, long offset, long size) {
    long remainder = (timestamp - offset) % size;
    return remainder < 0 ? timestamp - (remainder + size) : timestamp - remainder;
  }

  /**
   * Groups windows that intersect (transitively) and reports each group of two or more with the
   * window covering it. Used by session windows.
   */
  public static void mergeWindows(Collection<TimeWindow> windows, MergeCallback callback) {
    List<TimeWindow> sorted = new ArrayList<>(windows);
    sorted.sort((a, b) -> Long.compare(a.start, b.start));
    List<TimeWindow> group = new ArrayList<>();
    TimeWindow cover = null;
    for (TimeWindow w : sorted) {
      if (cover == null || !cover.intersects(w)) {
        report(group, cover, callback);
        group = new ArrayList<>();
        cover = w;
      } else {
        cover = cover.cover(w);
      }
      group.add(w);
    }
    report(group, cover, callback);
  }

  private static void report(List<TimeWindow> group, TimeWindow cover, MergeCallback callback) {
    if (group.size() > 1) {
      callback.merge(group, cover);
    }
  }

  /** Told which windows merge into which. */
  @FunctionalInterface
  public interface MergeCallback {
    void merge(Collection<TimeWindow> toBeMerged, TimeWindow mergeResult);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof TimeWindow w && w.start == start && w.end == end);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(start) * 31 + Long.hashCode(end);
  }

  @Override
  public String toString() {
    return "TimeWindow{start=" + start + ", end=" + end + "}";
  }
}
