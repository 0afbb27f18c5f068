package io.eddy.api.windowing.assigners;

import io.eddy.api.annotation.Public;
import io.eddy.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Event-time sessions: each element opens the window {@code [t, t + gap)}; windows of a key that
 * overlap or touch merge, so a session ends after {@code gap} without elements.
 */
@Public
public final class EventTimeSessionWindows<T> extends MergingWindowAssigner<T> {
  private static final long serialVersionUID = 1L;
  private final SessionWindowTimeGapExtractor<T> gap;
  private final boolean eventTime;

  EventTimeSessionWindows(SessionWindowTimeGapExtractor<T> gap, boolean eventTime) {
    this.gap = gap;
    this.eventTime = eventTime;
  }

  public static <T> EventTimeSessionWindows<T> withGap(Duration gap) {
    long millis = Sizes.positive(gap.toMillis(), "Session gap");
    return new EventTimeSessionWindows<>(e -> millis, true);
  }

  /** Sessions whose gap is computed per element. */
  public static <T> EventTimeSessionWindows<T> withDynamicGap(
      SessionWindowTimeGapExtractor<T> gap) {
    return new EventTimeSessionWindows<>(gap, true);
  }

  @Override
  public Collection<TimeWindow> assignWindows(
      T element, long timestamp, long currentProcessingTime) {
    long time = eventTime ? timestamp : currentProcessingTime;
    if (eventTime && time == Long.MIN_VALUE) {
      throw new IllegalStateException(
          "An element has no timestamp, so it cannot be put in an event-time window: assign timestamps with assignTimestampsAndWatermarks(...) or use a processing-time window.");
    }
    long g = gap.extract(element);
    if (g <= 0) {
      throw new IllegalArgumentException(
          "The session gap must be positive, but was " + g + " ms for " + element + ".");
    }
    return List.of(new TimeWindow(time, time + g));
  }

  @Override
  public boolean isEventTime() {
    return eventTime;
  }

  @Override
  public String toString() {
    return (eventTime ? "EventTime" : "ProcessingTime") + "SessionWindows";
  }
}
