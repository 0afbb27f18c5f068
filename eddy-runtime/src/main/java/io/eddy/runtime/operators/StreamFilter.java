package io.eddy.runtime.operators;

import io.eddy.api.common.functions.FilterFunction;
import io.eddy.runtime.streamrecord.StreamRecord;

/** Forwards the records a {@link FilterFunction} accepts. */
public final class StreamFilter<T> extends AbstractUdfStreamOperator<T, FilterFunction<T>>
    implements OneInputStreamOperator<T, T> {

  public StreamFilter(FilterFunction<T> function) {
    super(function);
  }

  @Override
  public void processElement(StreamRecord<T> record) {
    if (keyed) {
      setKeyContext(record.getValue()); // for keyed state of a rich function after keyBy
    }
    boolean keep;
    try {
      keep = userFunction.filter(record.getValue());
    } catch (Exception e) {
      throw userError(e);
    }
    if (keep) {
      output.collect(record);
    }
  }
}
