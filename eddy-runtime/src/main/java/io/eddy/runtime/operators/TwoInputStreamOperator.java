package io.eddy.runtime.operators;

import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.streamrecord.WatermarkElement;
import io.eddy.runtime.streamrecord.WatermarkStatus;

/**
 * An operator with two logical inputs, each possibly fed by many network channels. The task
 * combines each input's channels on its own (one watermark valve per input) and calls the methods
 * of that input; the operator combines the two inputs' watermarks (see {@link
 * io.eddy.runtime.operators.co.TwoInputWatermarks}). All methods run on the task thread, never
 * concurrently, so implementations need no locks. A two-input operator always heads its task.
 */
public interface TwoInputStreamOperator<IN1, IN2, OUT> extends StreamOperator<OUT> {
  void processElement1(StreamRecord<IN1> record) throws Exception;

  void processElement2(StreamRecord<IN2> record) throws Exception;

  /** The first input's watermark advanced. */
  void processWatermark1(WatermarkElement watermark) throws Exception;

  /** The second input's watermark advanced. */
  void processWatermark2(WatermarkElement watermark) throws Exception;

  /** The first input became idle or active. */
  void processWatermarkStatus1(WatermarkStatus status) throws Exception;

  /** The second input became idle or active. */
  void processWatermarkStatus2(WatermarkStatus status) throws Exception;
}
