package io.eddy.runtime.operators;

import io.eddy.api.datastream.OutputTag;
import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.streamrecord.WatermarkElement;
import io.eddy.runtime.streamrecord.WatermarkStatus;

/** The output of an operator with no consumers (a sink): everything emitted is dropped. */
public final class DiscardingOutput<T> implements Output<T> {
  @Override
  public void collect(StreamRecord<T> record) {}

  @Override
  public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) {}

  @Override
  public void emitWatermark(WatermarkElement watermark) {}

  @Override
  public void emitWatermarkStatus(WatermarkStatus status) {}
}
