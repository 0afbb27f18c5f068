package io.eddy.runtime.operators;

import io.eddy.api.common.eventtime.Watermark;
import io.eddy.api.common.eventtime.WatermarkOutput;
import io.eddy.runtime.streamrecord.WatermarkElement;
import io.eddy.runtime.streamrecord.WatermarkStatus;

/**
 * The {@link WatermarkOutput} a watermark generator writes to: emits only increasing watermarks,
 * and the IDLE/ACTIVE status changes, to an operator's {@link Output}. An idle output becomes
 * active before the next watermark or record ({@link #markActiveForRecord()}). Task thread only.
 */
final class WatermarkEmitter implements WatermarkOutput {
  private final Output<?> output;
  private long currentWatermark = Long.MIN_VALUE;
  private boolean idle;

  WatermarkEmitter(Output<?> output) {
    this.output = output;
  }

  @Override
  public void emitWatermark(Watermark watermark) {
    emitWatermark(watermark.getTimestamp());
  }

  /** Emits {@code timestamp} if it is greater than the last watermark. */
  void emitWatermark(long timestamp) {
    if (timestamp <= currentWatermark) {
      return;
    }
    currentWatermark = timestamp;
    markActive();
    output.emitWatermark(
        timestamp == Long.MAX_VALUE ? WatermarkElement.MAX : new WatermarkElement(timestamp));
  }

  @Override
  public void markIdle() {
    if (!idle) {
      idle = true;
      output.emitWatermarkStatus(WatermarkStatus.IDLE);
    }
  }

  @Override
  public void markActive() {
    if (idle) {
      idle = false;
      output.emitWatermarkStatus(WatermarkStatus.ACTIVE);
    }
  }

  /** A record is about to be emitted: an idle output becomes active first. */
  void markActiveForRecord() {
    if (idle) {
      markActive();
    }
  }

  long getCurrentWatermark() {
    return currentWatermark;
  }
}
