package io.eddy.api.windowing.assigners;

import io.eddy.api.annotation.Public;
import io.eddy.api.windowing.triggers.EventTimeTrigger;
import io.eddy.api.windowing.triggers.ProcessingTimeTrigger;
import io.eddy.api.windowing.triggers.Trigger;
import io.eddy.api.windowing.windows.Window;
import java.io.Serializable;
import java.util.Collection;

/**
 * Decides which windows an element belongs to. Called on the task thread for every element.
 *
 * @param <T> element type
 * @param <W> window type
 */
@Public
public abstract class WindowAssigner<T, W extends Window> implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * The windows of an element with (event or processing) {@code timestamp}; {@code
   * currentProcessingTime} is what a processing-time assigner uses (the runtime passes {@code
   * Long.MIN_VALUE} to assigners whose {@link #isEventTime()} is true, saving a clock read per
   * element).
   */
  public abstract Collection<W> assignWindows(
      T element, long timestamp, long currentProcessingTime);

  /** Whether windows are in event time (fire on watermarks) or processing time (on the clock). */
  public abstract boolean isEventTime();

  /**
   * The trigger used unless the user sets one: fires at the window's end in event time ({@link
   * EventTimeTrigger}) or processing time ({@link ProcessingTimeTrigger}).
   */
  public Trigger<? super T, ? super W> getDefaultTrigger() {
    return isEventTime() ? EventTimeTrigger.create() : ProcessingTimeTrigger.create();
  }
}
