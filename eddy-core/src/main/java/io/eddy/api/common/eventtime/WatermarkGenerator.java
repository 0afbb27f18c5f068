package io.eddy.api.common.eventtime;

import io.eddy.api.annotation.PublicEvolving;

/**
 * Generates watermarks from the events it sees, either per event (punctuated) or periodically
 * (every {@code autoWatermarkInterval} of processing time). Both methods run on the task thread and
 * are never called concurrently, so implementations need no synchronization.
 */
@PublicEvolving
public interface WatermarkGenerator<T> {
  /** Called for every event, after its timestamp was assigned. May emit a watermark. */
  void onEvent(T event, long eventTimestamp, WatermarkOutput output);

  /** Called periodically; may emit a watermark. */
  void onPeriodicEmit(WatermarkOutput output);
}
