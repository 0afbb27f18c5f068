package io.eddy.runtime.operators;

import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.streamrecord.Watermark;

/** An operator with one input. */
public interface OneInputStreamOperator<IN, OUT> extends StreamOperator<OUT> {
  void processElement(StreamRecord<IN> record) throws Exception;

  void processWatermark(Watermark watermark) throws Exception;
}
