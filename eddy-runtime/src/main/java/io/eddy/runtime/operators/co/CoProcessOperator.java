package io.eddy.runtime.operators.co;

import io.eddy.api.TimerService;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.co.CoProcessFunction;
import io.eddy.runtime.operators.FunctionContextSupport;
import io.eddy.runtime.streamrecord.StreamRecord;

/**
 * Runs a {@link CoProcessFunction}, with side outputs; its timer service tells the time and the
 * combined watermark, and registering timers throws (they need keyed streams).
 */
public final class CoProcessOperator<IN1, IN2, OUT>
    extends AbstractTwoInputUdfOperator<IN1, IN2, OUT, CoProcessFunction<IN1, IN2, OUT>> {
  private FunctionContextSupport<Object, OUT> support;
  private CoProcessContext context;

  public CoProcessOperator(CoProcessFunction<IN1, IN2, OUT> function) {
    super(function);
  }

  @Override
  public void open() throws Exception {
    super.open();
    support = new FunctionContextSupport<>(this, null);
    context = new CoProcessContext(userFunction);
  }

  @Override
  public void processElement1(StreamRecord<IN1> record) {
    setKeyContext1(record.getValue());
    support.startElement(record);
    try {
      userFunction.processElement1(record.getValue(), context, support.collector());
    } catch (Exception e) {
      throw userError(e);
    } finally {
      support.end();
    }
  }

  @Override
  public void processElement2(StreamRecord<IN2> record) {
    setKeyContext2(record.getValue());
    support.startElement(record);
    try {
      userFunction.processElement2(record.getValue(), context, support.collector());
    } catch (Exception e) {
      throw userError(e);
    } finally {
      support.end();
    }
  }

  private final class CoProcessContext extends CoProcessFunction<IN1, IN2, OUT>.Context {
    CoProcessContext(CoProcessFunction<IN1, IN2, OUT> function) {
      function.super();
    }

    @Override
    public Long timestamp() {
      return support.timestamp();
    }

    @Override
    public TimerService timerService() {
      return support;
    }

    @Override
    public <X> void output(OutputTag<X> tag, X value) {
      support.output(tag, value);
    }
  }
}
