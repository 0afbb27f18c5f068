package io.eddy.runtime.operators;

import io.eddy.api.datastream.OutputTag;
import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.streamrecord.WatermarkElement;
import io.eddy.runtime.streamrecord.WatermarkStatus;

/**
 * Fans an operator's output out to several outputs. Each output takes what is meant for it (main or
 * its side output). All but the last get their own record wrapper, since a downstream operator may
 * replace the wrapper's value; the values themselves are shared, not copied.
 */
public final class BroadcastingOutput<T> implements Output<T> {
  private final Output<T>[] outputs;

  public BroadcastingOutput(Output<T>[] outputs) {
    this.outputs = outputs;
  }

  @Override
  public void collect(StreamRecord<T> record) {
    int last = outputs.length - 1;
    for (int i = 0; i < last; i++) {
      outputs[i].collect(copy(record));
    }
    outputs[last].collect(record);
  }

  @Override
  public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) {
    int last = outputs.length - 1;
    for (int i = 0; i < last; i++) {
      outputs[i].collect(tag, copy(record));
    }
    outputs[last].collect(tag, record);
  }

  private static <X> StreamRecord<X> copy(StreamRecord<X> record) {
    StreamRecord<X> copy = new StreamRecord<>(record.getValue());
    copy.copyTimestampFrom(record);
    return copy;
  }

  @Override
  public void emitWatermark(WatermarkElement watermark) {
    for (Output<T> output : outputs) {
      output.emitWatermark(watermark);
    }
  }

  @Override
  public void emitWatermarkStatus(WatermarkStatus status) {
    for (Output<T> output : outputs) {
      output.emitWatermarkStatus(status);
    }
  }
}
