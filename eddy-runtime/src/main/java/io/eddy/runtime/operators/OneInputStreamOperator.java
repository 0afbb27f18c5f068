package io.eddy.runtime.operators;

import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.streamrecord.WatermarkElement;
import io.eddy.runtime.streamrecord.WatermarkStatus;

/** An operator with one input. All methods run on the task thread. */
public interface OneInputStreamOperator<IN, OUT> extends StreamOperator<OUT> {
  void processElement(StreamRecord<IN> record) throws Exception;

  /** Event time advanced: fire due event-time timers, then forward (or replace) the watermark. */
  void processWatermark(WatermarkElement watermark) throws Exception;

  /** The input became idle or active; operators forward it unless they make their own. */
  void processWatermarkStatus(WatermarkStatus status) throws Exception;
}
