package io.eddy.api.windowing.assigners;

import io.eddy.api.windowing.windows.GlobalWindow;
import java.util.Collection;
import java.util.List;

/** Puts every element of a key into one window; use it with a trigger (e.g. count). */
public final class GlobalWindows<T> extends WindowAssigner<T, GlobalWindow> {
  private static final long serialVersionUID = 1L;

  private GlobalWindows() {}

  public static <T> GlobalWindows<T> create() {
    return new GlobalWindows<>();
  }

  @Override
  public Collection<GlobalWindow> assignWindows(
      T element, long timestamp, long currentProcessingTime) {
    return List.of(GlobalWindow.get());
  }

  @Override
  public boolean isEventTime() {
    return false;
  }

  @Override
  public String toString() {
    return "GlobalWindows";
  }
}
