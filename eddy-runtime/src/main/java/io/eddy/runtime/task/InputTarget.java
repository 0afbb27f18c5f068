package io.eddy.runtime.task;

import io.eddy.runtime.operators.OneInputStreamOperator;
import io.eddy.runtime.operators.StreamOperator;
import io.eddy.runtime.operators.TwoInputStreamOperator;
import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.streamrecord.WatermarkElement;
import io.eddy.runtime.streamrecord.WatermarkStatus;

/**
 * Where a {@link NetworkInput} delivers what arrives for each logical input of the task's head
 * operator (input 0 of a one-input head; input 0 or 1 of a two-input head). Task thread only.
 */
interface InputTarget {
  void processElement(int input, StreamRecord<Object> record) throws Exception;

  void processWatermark(int input, WatermarkElement watermark) throws Exception;

  void processWatermarkStatus(int input, WatermarkStatus status) throws Exception;

  /** The target for {@code head}: a one-input or a two-input operator. */
  @SuppressWarnings("unchecked")
  static InputTarget of(StreamOperator<?> head) {
    if (head instanceof TwoInputStreamOperator<?, ?, ?> two) {
      return new TwoInput((TwoInputStreamOperator<Object, Object, ?>) two);
    } else if (head instanceof OneInputStreamOperator<?, ?> one) {
      return new OneInput((OneInputStreamOperator<Object, ?>) one);
    }
    throw new IllegalStateException(
        "The head of a task with network inputs must have inputs, but is " + head);
  }

  /** Every input goes to the one input. */
  record OneInput(OneInputStreamOperator<Object, ?> operator) implements InputTarget {
    @Override
    public void processElement(int input, StreamRecord<Object> record) throws Exception {
      operator.processElement(record);
    }

    @Override
    public void processWatermark(int input, WatermarkElement watermark) throws Exception {
      operator.processWatermark(watermark);
    }

    @Override
    public void processWatermarkStatus(int input, WatermarkStatus status) throws Exception {
      operator.processWatermarkStatus(status);
    }
  }

  /** Input 0 goes to the operator's first input, input 1 to its second. */
  record TwoInput(TwoInputStreamOperator<Object, Object, ?> operator) implements InputTarget {
    @Override
    public void processElement(int input, StreamRecord<Object> record) throws Exception {
      if (input == 0) {
        operator.processElement1(record);
      } else {
        operator.processElement2(record);
      }
    }

    @Override
    public void processWatermark(int input, WatermarkElement watermark) throws Exception {
      if (input == 0) {
        operator.processWatermark1(watermark);
      } else {
        operator.processWatermark2(watermark);
      }
    }

    @Override
    public void processWatermarkStatus(int input, WatermarkStatus status) throws Exception {
      if (input == 0) {
        operator.processWatermarkStatus1(status);
      } else {
        operator.processWatermarkStatus2(status);
      }
    }
  }
}
