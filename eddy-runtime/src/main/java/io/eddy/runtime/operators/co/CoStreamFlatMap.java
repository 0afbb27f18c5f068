package io.eddy.runtime.operators.co;

import io.eddy.api.functions.co.CoFlatMapFunction;
import io.eddy.runtime.operators.TimestampedCollector;
import io.eddy.runtime.streamrecord.StreamRecord;

/** Runs a {@link CoFlatMapFunction}; outputs keep the input element's timestamp. */
public final class CoStreamFlatMap<IN1, IN2, OUT>
    extends AbstractTwoInputUdfOperator<IN1, IN2, OUT, CoFlatMapFunction<IN1, IN2, OUT>> {
  private TimestampedCollector<OUT> collector;

  public CoStreamFlatMap(CoFlatMapFunction<IN1, IN2, OUT> function) {
    super(function);
  }

  @Override
  public void open() throws Exception {
    super.open();
    collector = new TimestampedCollector<>(output);
  }

  @Override
  public void processElement1(StreamRecord<IN1> record) {
    setKeyContext1(record.getValue());
    collector.setTimestampFrom(record);
    try {
      userFunction.flatMap1(record.getValue(), collector);
    } catch (Exception e) {
      throw userError(e);
    }
  }

  @Override
  public void processElement2(StreamRecord<IN2> record) {
    setKeyContext2(record.getValue());
    collector.setTimestampFrom(record);
    try {
      userFunction.flatMap2(record.getValue(), collector);
    } catch (Exception e) {
      throw userError(e);
    }
  }
}
