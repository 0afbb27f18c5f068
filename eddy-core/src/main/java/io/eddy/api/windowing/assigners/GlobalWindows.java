package io.eddy.api.windowing.assigners;

import io.eddy.api.annotation.Public;
import io.eddy.api.windowing.triggers.Trigger;
import io.eddy.api.windowing.triggers.TriggerResult;
import io.eddy.api.windowing.windows.GlobalWindow;
import io.eddy.api.windowing.windows.Window;
import java.util.Collection;
import java.util.List;

/** Puts every element of a key into one window; use it with a trigger (e.g. count). */
@Public
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

  /** Never fires: global windows need a trigger of their own (e.g. a count trigger). */
  @Override
  public Trigger<? super T, ? super GlobalWindow> getDefaultTrigger() {
    return NeverTrigger.INSTANCE;
  }

  @Override
  public String toString() {
    return "GlobalWindows";
  }

  /** The trigger that never fires. */
  public static final class NeverTrigger extends Trigger<Object, Window> {
    private static final long serialVersionUID = 1L;
    static final NeverTrigger INSTANCE = new NeverTrigger();

    private NeverTrigger() {}

    @Override
    public TriggerResult onElement(
        Object element, long timestamp, Window window, TriggerContext ctx) {
      return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, Window window, TriggerContext ctx) {
      return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, Window window, TriggerContext ctx) {
      return TriggerResult.CONTINUE;
    }

    @Override
    public boolean canMerge() {
      return true;
    }

    @Override
    public void onMerge(Window window, OnMergeContext ctx) {}

    @Override
    public void clear(Window window, TriggerContext ctx) {}
  }
}
