package io.eddy.api.windowing.assigners;

import io.eddy.api.annotation.Public;
import io.eddy.api.windowing.windows.TimeWindow;
import java.util.Collection;

/** An assigner whose windows can merge (sessions): overlapping windows become one. */
@Public
public abstract class MergingWindowAssigner<T> extends WindowAssigner<T, TimeWindow> {
  private static final long serialVersionUID = 1L;

  /** Reports the groups of {@code windows} that merge. */
  public void mergeWindows(Collection<TimeWindow> windows, TimeWindow.MergeCallback callback) {
    TimeWindow.mergeWindows(windows, callback);
  }
}
