package io.eddy.runtime.state.timers;

/**
 * The operator an {@link InternalTimerService} fires timers into. Called on the task thread with
 * the timer's key already set as the current key.
 */
public interface Triggerable<K> {
  void onEventTime(InternalTimer<K> timer) throws Exception;

  void onProcessingTime(InternalTimer<K> timer) throws Exception;
}
