package io.eddy.api.windowing.evictors;

import io.eddy.api.annotation.Public;
import io.eddy.api.windowing.windows.Window;
import java.io.Serializable;

/**
 * Removes elements from a window when it fires, before and/or after the window function runs.
 * Elements are removed through the iterator of {@code elements} ({@code Iterator.remove()}). Called
 * on the task thread.
 *
 * @param <T> element type
 * @param <W> window type
 */
@Public
public interface Evictor<T, W extends Window> extends Serializable {
  /** Called before the window function, with the window's elements in arrival order. */
  void evictBefore(
      Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext context);

  /** Called after the window function, with what is left in the window. */
  void evictAfter(
      Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext context);

  /** The time an evictor may consult. */
  interface EvictorContext {
    long getCurrentProcessingTime();

    long getCurrentWatermark();
  }
}
