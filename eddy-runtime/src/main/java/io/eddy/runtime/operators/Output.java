package io.eddy.runtime.operators;

import io.eddy.api.datastream.OutputTag;
import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.streamrecord.WatermarkElement;
import io.eddy.runtime.streamrecord.WatermarkStatus;

/**
 * Where an operator emits. Either the next operator of the chain (a direct call, no serialization)
 * or a network writer. Task thread only. The record instance may be reused by the caller after the
 * call returns.
 */
public interface Output<T> {
  void collect(StreamRecord<T> record);

  /** Emits to a side output; outputs not subscribed to {@code tag} ignore it. */
  <X> void collect(OutputTag<X> tag, StreamRecord<X> record);

  void emitWatermark(WatermarkElement watermark);

  /** Tells downstream that this output is idle (left out of their watermark) or active again. */
  void emitWatermarkStatus(WatermarkStatus status);
}
