package io.eddy.api.windowing.assigners;

import io.eddy.api.annotation.Public;
import io.eddy.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;

/** Processing-time windows of {@code size} that start every {@code slide}. */
@Public
public final class SlidingProcessingTimeWindows<T> extends WindowAssigner<T, TimeWindow> {
  private static final long serialVersionUID = 1L;
  private final long size;
  private final long slide;
  private final long offset;

  private SlidingProcessingTimeWindows(long size, long slide, long offset) {
    this.size = Sizes.positive(size, "Sliding window size");
    this.slide = Sizes.positive(slide, "Sliding window slide");
    this.offset = Sizes.offset(offset, slide);
  }

  public static <T> SlidingProcessingTimeWindows<T> of(Duration size, Duration slide) {
    return new SlidingProcessingTimeWindows<>(size.toMillis(), slide.toMillis(), 0);
  }

  public static <T> SlidingProcessingTimeWindows<T> of(
      Duration size, Duration slide, Duration offset) {
    return new SlidingProcessingTimeWindows<>(size.toMillis(), slide.toMillis(), offset.toMillis());
  }

  @Override
  public Collection<TimeWindow> assignWindows(
      T element, long timestamp, long currentProcessingTime) {
    return SlidingEventTimeWindows.windowsContaining(currentProcessingTime, size, slide, offset);
  }

  @Override
  public boolean isEventTime() {
    return false;
  }

  @Override
  public String toString() {
    return "SlidingProcessingTimeWindows(" + size + ", " + slide + ")";
  }
}
