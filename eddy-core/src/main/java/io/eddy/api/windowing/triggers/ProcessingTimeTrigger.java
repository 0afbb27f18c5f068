package io.eddy.api.windowing.triggers;

import io.eddy.api.annotation.Public;
import io.eddy.api.windowing.windows.Window;

/**
 * Fires a window when the processing time reaches its end ({@code maxTimestamp}). The default
 * trigger of processing-time assigners.
 */
@Public
public final class ProcessingTimeTrigger extends Trigger<Object, Window> {
  private static final long serialVersionUID = 1L;
  private static final ProcessingTimeTrigger INSTANCE = new ProcessingTimeTrigger();

  private ProcessingTimeTrigger() {}

  public static ProcessingTimeTrigger create() {
    return INSTANCE;
  }

  @Override
  public TriggerResult onElement(
      Object element, long timestamp, Window window, TriggerContext ctx) {
    ctx.registerProcessingTimeTimer(window.maxTimestamp());
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onEventTime(long time, Window window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onProcessingTime(long time, Window window, TriggerContext ctx) {
    return TriggerResult.FIRE;
  }

  @Override
  public boolean canMerge() {
    return true;
  }

  @Override
  public void onMerge(Window window, OnMergeContext ctx) {
    if (window.maxTimestamp() > ctx.getCurrentProcessingTime()) {
      ctx.registerProcessingTimeTimer(window.maxTimestamp());
    }
  }

  @Override
  public void clear(Window window, TriggerContext ctx) {
    ctx.deleteProcessingTimeTimer(window.maxTimestamp());
  }

  @Override
  public String toString() {
    return "ProcessingTimeTrigger()";
  }
}
