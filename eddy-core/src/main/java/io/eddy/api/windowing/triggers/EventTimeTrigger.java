package io.eddy.api.windowing.triggers;

import io.eddy.api.annotation.Public;
import io.eddy.api.windowing.windows.Window;

/**
 * Fires a window once the watermark passes its end ({@code maxTimestamp}); with allowed lateness,
 * fires again for each late element that still belongs to the window. The default trigger of
 * event-time assigners.
 */
@Public
public final class EventTimeTrigger extends Trigger<Object, Window> {
  private static final long serialVersionUID = 1L;
  private static final EventTimeTrigger INSTANCE = new EventTimeTrigger();

  private EventTimeTrigger() {}

  public static EventTimeTrigger create() {
    return INSTANCE;
  }

  @Override
  public TriggerResult onElement(
      Object element, long timestamp, Window window, TriggerContext ctx) {
    if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
      return TriggerResult.FIRE; // a late element within the allowed lateness: fire at once
    }
    ctx.registerEventTimeTimer(window.maxTimestamp());
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onEventTime(long time, Window window, TriggerContext ctx) {
    return time == window.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
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
  public void onMerge(Window window, OnMergeContext ctx) {
    if (window.maxTimestamp() > ctx.getCurrentWatermark()) {
      ctx.registerEventTimeTimer(window.maxTimestamp());
    }
  }

  @Override
  public void clear(Window window, TriggerContext ctx) {
    ctx.deleteEventTimeTimer(window.maxTimestamp());
  }

  @Override
  public String toString() {
    return "EventTimeTrigger()";
  }
}
