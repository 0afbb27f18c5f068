package io.eddy.api.windowing.assigners;

import io.eddy.api.annotation.Public;
import io.eddy.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Event-time windows of {@code size} that start every {@code slide}: an element belongs to {@code
 * size / slide} windows (rounded up).
 */
@Public
public final class SlidingEventTimeWindows<T> extends WindowAssigner<T, TimeWindow> {
  private static final long serialVersionUID = 1L;
  private final long size;
  private final long slide;
  private final long offset;

  SlidingEventTimeWindows(long size, long slide, long offset) {
    this.size = Sizes.positive(size, "Sliding window size");
    this.slide = Sizes.positive(slide, "Sliding window slide");
    this.offset = Sizes.offset(offset, slide);
  }

  public static <T> SlidingEventTimeWindows<T> of(Duration size, Duration slide) {
    return new SlidingEventTimeWindows<>(size.toMillis(), slide.toMillis(), 0);
  }

  public static <T> SlidingEventTimeWindows<T> of(Duration size, Duration slide, Duration offset) {
    return new SlidingEventTimeWindows<>(size.toMillis(), slide.toMillis(), offset.toMillis());
  }

  @Override
  public Collection<TimeWindow> assignWindows(
      T element, long timestamp, long currentProcessingTime) {
    if (timestamp == Long.MIN_VALUE) {
      throw new IllegalStateException(
          "An element has no timestamp, so it cannot be put in an event-time window: assign timestamps with assignTimestampsAndWatermarks(...) or use a processing-time window.");
    }
    return windowsContaining(timestamp, size, slide, offset);
  }

  /** Every window of the sliding series that contains {@code time}, latest start first. */
  static List<TimeWindow> windowsContaining(long time, long size, long slide, long offset) {
    List<TimeWindow> windows = new ArrayList<>((int) (size / slide) + 1);
    long lastStart = TimeWindow.getWindowStartWithOffset(time, offset, slide);
    for (long start = lastStart; start > time - size; start -= slide) {
      windows.add(new TimeWindow(start, start + size));
    }
    return windows;
  }

  @Override
  public boolean isEventTime() {
    return true;
  }

  /** The length of each window, in milliseconds. */
  public long getSize() {
    return size;
  }

  /** How far apart the windows start, in milliseconds. */
  public long getSlide() {
    return slide;
  }

  /** How far the windows are shifted from the epoch, in milliseconds. */
  public long getOffset() {
    return offset;
  }

  @Override
  public String toString() {
    return "SlidingEventTimeWindows(" + size + ", " + slide + ")";
  }
}
