package io.eddy.runtime.operators;

import io.eddy.api.common.functions.MapFunction;
import io.eddy.runtime.streamrecord.StreamRecord;

/** Applies a {@link MapFunction}; the output keeps the input's timestamp. */
public final class StreamMap<IN, OUT> extends AbstractUdfStreamOperator<OUT, MapFunction<IN, OUT>>
    implements OneInputStreamOperator<IN, OUT> {

  public StreamMap(MapFunction<IN, OUT> function) {
    super(function);
  }

  @Override
  public void processElement(StreamRecord<IN> record) {
    if (keyed) {
      setKeyContext(record.getValue()); // for keyed state of a rich function after keyBy
    }
    OUT result;
    try {
      result = userFunction.map(record.getValue());
    } catch (Exception e) {
      throw userError(e);
    }
    output.collect(record.replace(result));
  }
}
