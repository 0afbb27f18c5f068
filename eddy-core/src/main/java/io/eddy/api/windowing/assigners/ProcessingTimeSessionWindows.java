package io.eddy.api.windowing.assigners;

import io.eddy.api.annotation.Public;
import java.time.Duration;

/** Processing-time sessions: like {@link EventTimeSessionWindows} on the arrival clock. */
@Public
public final class ProcessingTimeSessionWindows {
  private ProcessingTimeSessionWindows() {}

  public static <T> MergingWindowAssigner<T> withGap(Duration gap) {
    long millis = Sizes.positive(gap.toMillis(), "Session gap");
    return new EventTimeSessionWindows<>(e -> millis, false);
  }

  public static <T> MergingWindowAssigner<T> withDynamicGap(SessionWindowTimeGapExtractor<T> gap) {
    return new EventTimeSessionWindows<>(gap, false);
  }
}
