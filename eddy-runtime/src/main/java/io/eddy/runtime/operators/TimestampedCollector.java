package io.eddy.runtime.operators;

import io.eddy.api.common.functions.Collector;
import io.eddy.runtime.streamrecord.StreamRecord;

/**
 * A {@link Collector} that emits values with the timestamp of the input being processed, reusing
 * one record instance.
 */
public final class TimestampedCollector<T> implements Collector<T> {
  private final Output<T> output;
  private final StreamRecord<T> reuse = new StreamRecord<>(null);

  public TimestampedCollector(Output<T> output) {
    this.output = output;
  }

  /** Takes the timestamp of the input record for the values emitted next. */
  public void setTimestampFrom(StreamRecord<?> input) {
    reuse.copyTimestampFrom(input);
  }

  /** Gives the values emitted next this timestamp (a firing timer's). */
  public void setAbsoluteTimestamp(long timestamp) {
    reuse.setTimestamp(timestamp);
  }

  @Override
  public void collect(T value) {
    output.collect(reuse.replace(value));
  }

  @Override
  public void close() {}
}
