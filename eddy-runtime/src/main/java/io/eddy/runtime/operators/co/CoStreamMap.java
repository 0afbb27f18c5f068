package io.eddy.runtime.operators.co;

import io.eddy.api.functions.co.CoMapFunction;
import io.eddy.runtime.streamrecord.StreamRecord;

/** Runs a {@link CoMapFunction}: one output per input element, keeping its timestamp. */
public final class CoStreamMap<IN1, IN2, OUT>
    extends AbstractTwoInputUdfOperator<IN1, IN2, OUT, CoMapFunction<IN1, IN2, OUT>> {

  public CoStreamMap(CoMapFunction<IN1, IN2, OUT> function) {
    super(function);
  }

  @Override
  public void processElement1(StreamRecord<IN1> record) {
    setKeyContext1(record.getValue());
    OUT result;
    try {
      result = userFunction.map1(record.getValue());
    } catch (Exception e) {
      throw userError(e);
    }
    output.collect(record.replace(result));
  }

  @Override
  public void processElement2(StreamRecord<IN2> record) {
    setKeyContext2(record.getValue());
    OUT result;
    try {
      result = userFunction.map2(record.getValue());
    } catch (Exception e) {
      throw userError(e);
    }
    output.collect(record.replace(result));
  }
}
