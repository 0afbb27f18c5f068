package io.eddy.api.windowing.triggers;

import io.eddy.api.annotation.Public;
import io.eddy.api.common.state.AppendingState;
import io.eddy.api.common.state.State;
import io.eddy.api.common.state.StateDescriptor;
import io.eddy.api.windowing.windows.Window;
import java.io.Serializable;

/**
 * Decides when a window is evaluated ({@link TriggerResult#FIRE}) and when its contents are dropped
 * ({@link TriggerResult#PURGE}). A trigger is called per element and per timer it registered,
 * always for one (key, window); it keeps whatever it needs in state obtained from {@link
 * TriggerContext#getPartitionedState}, which is scoped to that key and window, never in fields. All
 * calls run on the task thread, never concurrently.
 *
 * @param <T> element type
 * @param <W> window type
 */
@Public
public abstract class Trigger<T, W extends Window> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Called for every element added to {@code window}. */
  public abstract TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx)
      throws Exception;

  /** Called when a processing-time timer this trigger registered for {@code window} fires. */
  public abstract TriggerResult onProcessingTime(long time, W window, TriggerContext ctx)
      throws Exception;

  /** Called when an event-time timer this trigger registered for {@code window} fires. */
  public abstract TriggerResult onEventTime(long time, W window, TriggerContext ctx)
      throws Exception;

  /** Whether this trigger supports merging windows (sessions); then {@link #onMerge} is called. */
  public boolean canMerge() {
    return false;
  }

  /**
   * Called when windows merged into {@code window}: merge the state of the merged windows ({@link
   * OnMergeContext#mergePartitionedState}) and register the timers {@code window} needs. The merged
   * windows are cleared ({@link #clear}) afterwards.
   */
  public void onMerge(W window, OnMergeContext ctx) throws Exception {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot merge windows");
  }

  /** Called when {@code window} is dropped: delete its timers and clear its state. */
  public abstract void clear(W window, TriggerContext ctx) throws Exception;

  /**
   * The time, timers and state of one (key, window). Valid only during the call it is passed to.
   */
  public interface TriggerContext {
    long getCurrentProcessingTime();

    long getCurrentWatermark();

    /** Calls {@link #onProcessingTime} for this window at {@code time} (once per time). */
    void registerProcessingTimeTimer(long time);

    /** Calls {@link #onEventTime} for this window when the watermark reaches {@code time}. */
    void registerEventTimeTimer(long time);

    void deleteProcessingTimeTimer(long time);

    void deleteEventTimeTimer(long time);

    /** The state {@code descriptor} names, scoped to the current key and window. */
    <S extends State> S getPartitionedState(StateDescriptor<S, ?> descriptor);
  }

  /** The context of {@link #onMerge}. */
  public interface OnMergeContext extends TriggerContext {
    /**
     * Merges the state {@code descriptor} names (list, reducing or aggregating) of the merged
     * windows into the state of the new window.
     */
    <S extends AppendingState<?, ?>> void mergePartitionedState(StateDescriptor<S, ?> descriptor);
  }
}
