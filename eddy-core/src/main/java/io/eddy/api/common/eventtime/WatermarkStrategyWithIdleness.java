package io.eddy.api.common.eventtime;

import java.time.Duration;

/** A strategy whose generators declare the input idle after a time without records. */
final class WatermarkStrategyWithIdleness<T> implements WatermarkStrategy<T> {
  private static final long serialVersionUID = 1L;

  private final WatermarkStrategy<T> base;
  private final Duration idleTimeout;

  WatermarkStrategyWithIdleness(WatermarkStrategy<T> base, Duration idleTimeout) {
    this.base = base;
    this.idleTimeout = idleTimeout;
  }

  @Override
  public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
    return base.createTimestampAssigner(context);
  }

  @Override
  public WatermarkGenerator<T> createWatermarkGenerator(
      WatermarkGeneratorSupplier.Context context) {
    return new WatermarksWithIdleness<>(
        base.createWatermarkGenerator(context), idleTimeout, context::getCurrentProcessingTime);
  }
}
