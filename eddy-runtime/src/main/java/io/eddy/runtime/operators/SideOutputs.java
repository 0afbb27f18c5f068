package io.eddy.runtime.operators;

import io.eddy.api.datastream.OutputTag;
import io.eddy.runtime.streamrecord.StreamRecord;

/** Emits a side-output value with the timestamp of the current input. */
public final class SideOutputs {
  private SideOutputs() {}

  public static <X> void emit(
      Output<?> output, OutputTag<X> tag, X value, StreamRecord<?> current) {
    if (tag == null) {
      throw new IllegalArgumentException("The OutputTag must not be null.");
    }
    StreamRecord<X> record = new StreamRecord<>(value);
    if (current != null) {
      record.copyTimestampFrom(current);
    }
    output.collect(tag, record);
  }
}
