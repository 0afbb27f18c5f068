package io.eddy.api.common.eventtime;

import io.eddy.api.annotation.PublicEvolving;
import java.time.Duration;

/**
 * Periodic watermarks that trail the largest timestamp seen by a fixed bound: {@code max -
 * outOfOrderness - 1}. Records later than the bound are late.
 */
@PublicEvolving
public class BoundedOutOfOrdernessWatermarks<T> implements WatermarkGenerator<T> {
  private final long outOfOrdernessMillis;
  private long maxTimestamp;

  public BoundedOutOfOrdernessWatermarks(Duration maxOutOfOrderness) {
    if (maxOutOfOrderness == null || maxOutOfOrderness.isNegative()) {
      throw new IllegalArgumentException(
          "The maximum out-of-orderness must not be negative, but was " + maxOutOfOrderness + ".");
    }
    this.outOfOrdernessMillis = maxOutOfOrderness.toMillis();
    // start so that the first periodic watermark is Long.MIN_VALUE, without underflow
    this.maxTimestamp = Long.MIN_VALUE + outOfOrdernessMillis + 1;
  }

  @Override
  public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
    maxTimestamp = Math.max(maxTimestamp, eventTimestamp);
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    output.emitWatermark(new Watermark(maxTimestamp - outOfOrdernessMillis - 1));
  }
}
