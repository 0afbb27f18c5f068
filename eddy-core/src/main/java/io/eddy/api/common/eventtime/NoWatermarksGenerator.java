package io.eddy.api.common.eventtime;

import io.eddy.api.annotation.PublicEvolving;

/** Emits no watermarks. */
@PublicEvolving
public final class NoWatermarksGenerator<T> implements WatermarkGenerator<T> {
  @Override
  public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {}

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {}
}
