package io.eddy.runtime.operators;

import io.eddy.api.common.functions.FlatMapFunction;
import io.eddy.runtime.streamrecord.StreamRecord;

/** Applies a {@link FlatMapFunction}; outputs keep the input's timestamp. */
public final class StreamFlatMap<IN, OUT>
    extends AbstractUdfStreamOperator<OUT, FlatMapFunction<IN, OUT>>
    implements OneInputStreamOperator<IN, OUT> {
  private TimestampedCollector<OUT> collector;

  public StreamFlatMap(FlatMapFunction<IN, OUT> function) {
    super(function);
  }

  @Override
  public void open() throws Exception {
    super.open();
    collector = new TimestampedCollector<>(output);
  }

  @Override
  public void processElement(StreamRecord<IN> record) {
    if (keyed) {
      setKeyContext(record.getValue()); // for keyed state of a rich function after keyBy
    }
    collector.setTimestampFrom(record);
    try {
      userFunction.flatMap(record.getValue(), collector);
    } catch (Exception e) {
      throw userError(e);
    }
  }
}
