package io.eddy.api.windowing.assigners;

import io.eddy.api.annotation.Public;
import io.eddy.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Fixed-size, non-overlapping processing-time windows (by the clock when the element arrives):
 * {@code [k*size + offset, (k+1)*size + offset)}.
 */
@Public
public final class TumblingProcessingTimeWindows<T> extends WindowAssigner<T, TimeWindow> {
  private static final long serialVersionUID = 1L;
  private final long size;
  private final long offset;

  private TumblingProcessingTimeWindows(long size, long offset) {
    this.size = Sizes.positive(size, "Tumbling window size");
    this.offset = Sizes.offset(offset, size);
  }

  public static <T> TumblingProcessingTimeWindows<T> of(Duration size) {
    return new TumblingProcessingTimeWindows<>(size.toMillis(), 0);
  }

  /** Windows shifted by {@code offset}, e.g. to align daily windows with a time zone. */
  public static <T> TumblingProcessingTimeWindows<T> of(Duration size, Duration offset) {
    return new TumblingProcessingTimeWindows<>(size.toMillis(), offset.toMillis());
  }

  @Override
  public Collection<TimeWindow> assignWindows(
      T element, long timestamp, long currentProcessingTime) {
    long start = TimeWindow.getWindowStartWithOffset(currentProcessingTime, offset, size);
    return List.of(new TimeWindow(start, start + size));
  }

  @Override
  public boolean isEventTime() {
    return false;
  }

  @Override
  public String toString() {
    return "TumblingProcessingTimeWindows(" + size + ")";
  }
}
