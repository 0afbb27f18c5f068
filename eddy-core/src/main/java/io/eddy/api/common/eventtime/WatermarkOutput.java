package io.eddy.api.common.eventtime;

import io.eddy.api.annotation.PublicEvolving;

/**
 * Where a {@link WatermarkGenerator} emits watermarks and declares its input idle or active. Called
 * on the task thread only.
 */
@PublicEvolving
public interface WatermarkOutput {
  /**
   * Emits a watermark. Watermarks not greater than the last one emitted are ignored; an idle output
   * becomes active again.
   */
  void emitWatermark(Watermark watermark);

  /**
   * Declares this output idle: downstream operators stop waiting for its watermarks until it emits
   * a watermark or a record again, or calls {@link #markActive()}.
   */
  void markIdle();

  /** Declares this output active again after {@link #markIdle()}. */
  void markActive();
}
