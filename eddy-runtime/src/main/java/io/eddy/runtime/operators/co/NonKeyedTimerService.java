package io.eddy.runtime.operators.co;

import io.eddy.api.TimerService;
import io.eddy.runtime.time.ProcessingTimeService;
import java.util.function.LongSupplier;

/** Time and watermark only: timers are keyed state, so registering one here throws. */
final class NonKeyedTimerService implements TimerService {
  private final ProcessingTimeService processingTime;
  private final LongSupplier watermark;

  NonKeyedTimerService(ProcessingTimeService processingTime, LongSupplier watermark) {
    this.processingTime = processingTime;
    this.watermark = watermark;
  }

  @Override
  public long currentProcessingTime() {
    return processingTime.getCurrentProcessingTime();
  }

  @Override
  public long currentWatermark() {
    return watermark.getAsLong();
  }

  @Override
  public void registerProcessingTimeTimer(long time) {
    throw unsupported();
  }

  @Override
  public void registerEventTimeTimer(long time) {
    throw unsupported();
  }

  @Override
  public void deleteProcessingTimeTimer(long time) {
    throw unsupported();
  }

  @Override
  public void deleteEventTimeTimer(long time) {
    throw unsupported();
  }

  private static UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException(UNSUPPORTED_REGISTER_TIMER_MSG);
  }
}
