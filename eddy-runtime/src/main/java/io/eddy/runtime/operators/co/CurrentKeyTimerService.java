package io.eddy.runtime.operators.co;

import io.eddy.api.TimerService;
import io.eddy.runtime.state.timers.InternalTimerService;
import java.util.function.Supplier;

/** A function's view of a keyed operator's timers: those of the current key. */
final class CurrentKeyTimerService<K> implements TimerService {
  private final InternalTimerService<K> timers;
  private final Supplier<K> currentKey;

  CurrentKeyTimerService(InternalTimerService<K> timers, Supplier<K> currentKey) {
    this.timers = timers;
    this.currentKey = currentKey;
  }

  @Override
  public long currentProcessingTime() {
    return timers.currentProcessingTime();
  }

  @Override
  public long currentWatermark() {
    return timers.currentWatermark();
  }

  @Override
  public void registerProcessingTimeTimer(long time) {
    timers.registerProcessingTimeTimer(key(), time);
  }

  @Override
  public void registerEventTimeTimer(long time) {
    timers.registerEventTimeTimer(key(), time);
  }

  @Override
  public void deleteProcessingTimeTimer(long time) {
    timers.deleteProcessingTimeTimer(key(), time);
  }

  @Override
  public void deleteEventTimeTimer(long time) {
    timers.deleteEventTimeTimer(key(), time);
  }

  private K key() {
    K key = currentKey.get();
    if (key == null) {
      throw new UnsupportedOperationException(
          "Timers belong to a key, and there is no current key here (the broadcast side has"
              + " none): register timers while processing the keyed input.");
    }
    return key;
  }
}
