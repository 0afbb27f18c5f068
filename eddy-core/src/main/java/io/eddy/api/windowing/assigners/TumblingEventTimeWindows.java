package io.eddy.api.windowing.assigners;

import io.eddy.api.annotation.Public;
import io.eddy.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Fixed-size, non-overlapping event-time windows: {@code [k*size + offset, (k+1)*size + offset)}.
 */
@Public
public final class TumblingEventTimeWindows<T> extends WindowAssigner<T, TimeWindow> {
  private static final long serialVersionUID = 1L;
  private final long size;
  private final long offset;

  private TumblingEventTimeWindows(long size, long offset) {
    this.size = Sizes.positive(size, "Tumbling window size");
    this.offset = Sizes.offset(offset, size);
  }

  public static <T> TumblingEventTimeWindows<T> of(Duration size) {
    return new TumblingEventTimeWindows<>(size.toMillis(), 0);
  }

  /** Windows shifted by {@code offset}, e.g. to align daily windows with a time zone. */
  public static <T> TumblingEventTimeWindows<T> of(Duration size, Duration offset) {
    return new TumblingEventTimeWindows<>(size.toMillis(), offset.toMillis());
  }

  @Override
  public Collection<TimeWindow> assignWindows(
      T element, long timestamp, long currentProcessingTime) {
    if (timestamp == Long.MIN_VALUE) {
      throw new IllegalStateException(
          "An element has no timestamp, so it cannot be put in an event-time window: assign timestamps with assignTimestampsAndWatermarks(...) or use a processing-time window.");
    }
    long start = TimeWindow.getWindowStartWithOffset(timestamp, offset, size);
    return List.of(new TimeWindow(start, start + size));
  }

  @Override
  public boolean isEventTime() {
    return true;
  }

  /** The length of each window, in milliseconds. */
  public long getSize() {
    return size;
  }

  /** How far the windows are shifted from the epoch, in milliseconds. */
  public long getOffset() {
    return offset;
  }

  @Override
  public String toString() {
    return "TumblingEventTimeWindows(" + size + ")";
  }
}
