package io.eddy.runtime.operators.co;

import io.eddy.api.TimeDomain;
import io.eddy.api.TimerService;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.co.KeyedCoProcessFunction;
import io.eddy.runtime.operators.SideOutputs;
import io.eddy.runtime.operators.TimestampedCollector;
import io.eddy.runtime.state.timers.InternalTimer;
import io.eddy.runtime.state.timers.Triggerable;
import io.eddy.runtime.streamrecord.StreamRecord;

/**
 * Runs a {@link KeyedCoProcessFunction}: each record's key (from its input's key selector) is the
 * current key of the keyed state both inputs share, and timers call {@code onTimer} with their key
 * current. Event-time timers fire when the combined watermark (the minimum of both inputs') passes
 * them. Elements of both inputs, watermarks and timer mails all run on the task thread.
 */
public final class KeyedCoProcessOperator<K, IN1, IN2, OUT>
    extends AbstractTwoInputUdfOperator<IN1, IN2, OUT, KeyedCoProcessFunction<K, IN1, IN2, OUT>>
    implements Triggerable<K> {
  private TimestampedCollector<OUT> collector;
  private ContextImpl context;
  private OnTimerContextImpl onTimerContext;
  private K currentKey;

  public KeyedCoProcessOperator(KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
    super(function);
  }

  @Override
  public void open() throws Exception {
    super.open();
    collector = new TimestampedCollector<>(output);
    TimerService timerService =
        new CurrentKeyTimerService<>(createTimerService(this), () -> currentKey);
    context = new ContextImpl(userFunction, timerService);
    onTimerContext = new OnTimerContextImpl(userFunction, timerService);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void processElement1(StreamRecord<IN1> record) {
    currentKey = (K) setKeyContext1(record.getValue());
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
  @SuppressWarnings("unchecked")
  public void processElement2(StreamRecord<IN2> record) {
    currentKey = (K) setKeyContext2(record.getValue());
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

  @Override
  public void onEventTime(InternalTimer<K> timer) {
    fire(timer, TimeDomain.EVENT_TIME);
  }

  @Override
  public void onProcessingTime(InternalTimer<K> timer) {
    fire(timer, TimeDomain.PROCESSING_TIME);
  }

  private void fire(InternalTimer<K> timer, TimeDomain domain) {
    long timestamp = timer.getTimestamp();
    collector.setAbsoluteTimestamp(timestamp);
    onTimerContext.timestamp = timestamp;
    onTimerContext.record.setTimestamp(timestamp);
    onTimerContext.domain = domain;
    currentKey = timer.getKey();
    try {
      userFunction.onTimer(timestamp, onTimerContext, collector);
    } catch (Exception e) {
      throw userError(e);
    }
  }

  private final class ContextImpl extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.Context {
    private final TimerService timerService;
    private StreamRecord<?> element;

    ContextImpl(KeyedCoProcessFunction<K, IN1, IN2, OUT> function, TimerService timerService) {
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

    @Override
    public K getCurrentKey() {
      return currentKey;
    }
  }

  private final class OnTimerContextImpl
      extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.OnTimerContext {
    private final TimerService timerService;
    private final StreamRecord<Object> record = new StreamRecord<>(null);
    private long timestamp;
    private TimeDomain domain;

    OnTimerContextImpl(
        KeyedCoProcessFunction<K, IN1, IN2, OUT> function, TimerService timerService) {
      function.super();
      this.timerService = timerService;
    }

    @Override
    public Long timestamp() {
      return timestamp;
    }

    @Override
    public TimerService timerService() {
      return timerService;
    }

    @Override
    public <X> void output(OutputTag<X> tag, X value) {
      SideOutputs.emit(output, tag, value, record);
    }

    @Override
    public TimeDomain timeDomain() {
      return domain;
    }

    @Override
    public K getCurrentKey() {
      return currentKey;
    }
  }
}
