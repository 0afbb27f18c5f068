package io.eddy.runtime.operators.co;

import io.eddy.api.TimerService;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.co.CoProcessFunction;
import io.eddy.runtime.operators.SideOutputs;
import io.eddy.runtime.operators.TimestampedCollector;
import io.eddy.runtime.streamrecord.StreamRecord;

/**
 * Runs a {@link CoProcessFunction}, with side outputs; its timer service tells the time and the
 * combined watermark, and registering timers throws (they need keyed streams).
 */
public final class CoProcessOperator<IN1, IN2, OUT>
    extends AbstractTwoInputUdfOperator<IN1, IN2, OUT, CoProcessFunction<IN1, IN2, OUT>> {
  private TimestampedCollector<OUT> collector;
  private ContextImpl context;

  public CoProcessOperator(CoProcessFunction<IN1, IN2, OUT> function) {
    super(function);
  }

  @Override
  public void open() throws Exception {
    super.open();
    collector = new TimestampedCollector<>(output);
    context =
        new ContextImpl(
            userFunction,
            new NonKeyedTimerService(setup.processingTimeService(), () -> currentWatermark));
  }

  @Override
  public void processElement1(StreamRecord<IN1> record) {
    setKeyContext1(record.getValue());
    begin(record);
    try {
      userFunction.processElement1(record.getValue(), context, collector);
    } catch (Exception e) {
      throw userError(e);
    } finally {
      context.element = null;
    }
  }

  @Override
  public void processElement2(StreamRecord<IN2> record) {
    setKeyContext2(record.getValue());
    begin(record);
    try {
      userFunction.processElement2(record.getValue(), context, collector);
    } catch (Exception e) {
      throw userError(e);
    } finally {
      context.element = null;
    }
  }

  private void begin(StreamRecord<?> record) {
    collector.setTimestampFrom(record);
    context.element = record;
  }

  private final class ContextImpl extends CoProcessFunction<IN1, IN2, OUT>.Context {
    private final TimerService timerService;
    private StreamRecord<?> element;

    ContextImpl(CoProcessFunction<IN1, IN2, OUT> function, TimerService timerService) {
      function.super();
      this.timerService = timerService;
    }

    @Override
    public Long timestamp() {
      return element != null && element.hasTimestamp() ? element.getTimestamp() : null;
    }

    @Override
    public TimerService timerService() {
      return timerService;
    }

    @Override
    public <X> void output(OutputTag<X> tag, X value) {
      SideOutputs.emit(output, tag, value, element);
    }
  }
}
