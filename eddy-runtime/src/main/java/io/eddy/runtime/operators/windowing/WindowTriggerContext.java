package io.eddy.runtime.operators.windowing;

import io.eddy.api.common.state.AppendingState;
import io.eddy.api.common.state.State;
import io.eddy.api.common.state.StateDescriptor;
import io.eddy.api.windowing.triggers.Trigger;
import io.eddy.api.windowing.windows.Window;
import io.eddy.runtime.state.InternalKvState;
import io.eddy.runtime.state.InternalMergingState;
import io.eddy.runtime.state.KeyedStateBackend;
import io.eddy.runtime.state.timers.InternalTimerService;
import java.util.Collection;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * What a {@link Trigger} sees: the time, timers and state of the current (key, window). Timers are
 * registered in the timer service with the window as namespace; state is the backend's, with the
 * window as namespace. One instance per operator, re-pointed before each call. Task thread only.
 */
final class WindowTriggerContext<K, W extends Window> implements Trigger.OnMergeContext {
  private final InternalTimerService<K> timers;
  private final KeyedStateBackend<?> backend;
  K key;
  W window;
  Collection<W> mergedWindows = List.of();

  /** Whether the windows' cleanup timers are event-time timers (else processing-time timers). */
  private final boolean cleanupEventTime;

  /** The time of a window's cleanup timer ({@code Long.MAX_VALUE}: none). */
  private final ToLongFunction<W> cleanupTime;

  /**
   * While the trigger handles an element: the current window's cleanup timer is known to exist (see
   * {@link WindowOperator}), at {@link #knownCleanupTime}. Registering that timer again (the
   * default trigger does, per element) is then a no-op that needs no timer lookup.
   */
  boolean cleanupTimerKnown;

  long knownCleanupTime;

  /** Set while the operator clears a window: its contents are gone, its timers may go too. */
  boolean clearingWindow;

  /**
   * Set for good once the trigger deleted a window's cleanup timer other than while the window was
   * cleared: then contents no longer imply a cleanup timer, and the operator registers it per
   * element again.
   */
  boolean cleanupTimerDeleted;

  WindowTriggerContext(
      InternalTimerService<K> timers,
      KeyedStateBackend<?> backend,
      boolean cleanupEventTime,
      ToLongFunction<W> cleanupTime) {
    this.timers = timers;
    this.backend = backend;
    this.cleanupEventTime = cleanupEventTime;
    this.cleanupTime = cleanupTime;
  }

  @Override
  public long getCurrentProcessingTime() {
    return timers.currentProcessingTime();
  }

  @Override
  public long getCurrentWatermark() {
    return timers.currentWatermark();
  }

  @Override
  public void registerProcessingTimeTimer(long time) {
    if (isKnownCleanupTimer(false, time)) {
      return;
    }
    timers.registerProcessingTimeTimer(key, window, time);
  }

  @Override
  public void registerEventTimeTimer(long time) {
    if (isKnownCleanupTimer(true, time)) {
      return;
    }
    timers.registerEventTimeTimer(key, window, time);
  }

  @Override
  public void deleteProcessingTimeTimer(long time) {
    noteDelete(false, time);
    timers.deleteProcessingTimeTimer(key, window, time);
  }

  @Override
  public void deleteEventTimeTimer(long time) {
    noteDelete(true, time);
    timers.deleteEventTimeTimer(key, window, time);
  }

  private boolean isKnownCleanupTimer(boolean eventTime, long time) {
    return cleanupTimerKnown && eventTime == cleanupEventTime && time == knownCleanupTime;
  }

  private void noteDelete(boolean eventTime, long time) {
    if (eventTime == cleanupEventTime
        && !clearingWindow
        && time == cleanupTime.applyAsLong(window)) {
      cleanupTimerKnown = false;
      cleanupTimerDeleted = true;
    }
  }

  @Override
  public <S extends State> S getPartitionedState(StateDescriptor<S, ?> descriptor) {
    S state = backend.getOrCreateKeyedState(descriptor);
    ((InternalKvState) state).setCurrentNamespace(window);
    return state;
  }

  @Override
  public <S extends AppendingState<?, ?>> void mergePartitionedState(
      StateDescriptor<S, ?> descriptor) {
    if (mergedWindows.isEmpty()) {
      return;
    }
    S state = backend.getOrCreateKeyedState(descriptor);
    if (!(state instanceof InternalMergingState merging)) {
      throw new UnsupportedOperationException(
          "State '"
              + descriptor.getName()
              + "' cannot be merged: use list, reducing or aggregating state.");
    }
    merging.mergeNamespaces(window, mergedWindows);
  }
}
