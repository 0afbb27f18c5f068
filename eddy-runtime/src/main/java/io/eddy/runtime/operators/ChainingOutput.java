package io.eddy.runtime.operators;

import io.eddy.api.datastream.OutputTag;
import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.streamrecord.WatermarkElement;
import io.eddy.runtime.streamrecord.WatermarkStatus;

/**
 * Feeds the next operator of the chain by a direct call: no serialization, no copy. Carries the
 * main output, or one side output when {@code tag} is set.
 */
public final class ChainingOutput<T> implements Output<T> {
  private final OneInputStreamOperator<T, ?> next;
  private final OutputTag<?> tag;

  public ChainingOutput(OneInputStreamOperator<T, ?> next, OutputTag<?> tag) {
    this.next = next;
    this.tag = tag;
  }

  @Override
  public void collect(StreamRecord<T> record) {
    if (tag == null) {
      push(record);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <X> void collect(OutputTag<X> outputTag, StreamRecord<X> record) {
    if (outputTag.equals(tag)) {
      push((StreamRecord<T>) record);
    }
  }

  private void push(StreamRecord<T> record) {
    try {
      next.processElement(record);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void emitWatermark(WatermarkElement watermark) {
    try {
      next.processWatermark(watermark);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void emitWatermarkStatus(WatermarkStatus status) {
    try {
      next.processWatermarkStatus(status);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
