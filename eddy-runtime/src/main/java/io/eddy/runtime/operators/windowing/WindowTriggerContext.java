package io.eddy.runtime.operators.windowing;

import io.eddy.api.common.state.AppendingState;
import io.eddy.api.common.state.State;
import io.eddy.api.common.state.StateDescriptor;
import io.eddy.api.windowing.triggers.Trigger;
import io.eddy.api.windowing.windows.Window;
import io.eddy.runtime.operators.timers.InternalTimerService;
import io.eddy.runtime.state.HeapKeyedStateBackend;
import io.eddy.runtime.state.InternalKvState;
import io.eddy.runtime.state.InternalMergingState;
import java.util.Collection;
import java.util.List;

/**
 * What a {@link Trigger} sees: the time, timers and state of the current (key, window). Timers are
 * registered in the timer service with the window as namespace; state is the backend's, with the
 * window as namespace. One instance per operator, re-pointed before each call. Task thread only.
 */
final class WindowTriggerContext<K, W extends Window> implements Trigger.OnMergeContext {
  private final InternalTimerService<K> timers;
  private final HeapKeyedStateBackend<?> backend;
  K key;
  W window;
  Collection<W> mergedWindows = List.of();

  WindowTriggerContext(InternalTimerService<K> timers, HeapKeyedStateBackend<?> backend) {
    this.timers = timers;
    this.backend = backend;
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
    timers.registerProcessingTimeTimer(key, window, time);
  }

  @Override
  public void registerEventTimeTimer(long time) {
    timers.registerEventTimeTimer(key, window, time);
  }

  @Override
  public void deleteProcessingTimeTimer(long time) {
    timers.deleteProcessingTimeTimer(key, window, time);
  }

  @Override
  public void deleteEventTimeTimer(long time) {
    timers.deleteEventTimeTimer(key, window, time);
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
