package io.eddy.runtime.operators.co;

import io.eddy.api.TimeDomain;
import io.eddy.api.TimerService;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.co.KeyedCoProcessFunction;
import io.eddy.runtime.operators.FunctionContextSupport;
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
  private FunctionContextSupport<K, OUT> support;
  private KeyedCoProcessContext context;

  public KeyedCoProcessOperator(KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
    super(function);
  }

  @Override
  public void open() throws Exception {
    super.open();
    support = new FunctionContextSupport<>(this, createTimerService(this));
    context = new KeyedCoProcessContext(userFunction);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void processElement1(StreamRecord<IN1> record) {
    support.startElement(record, (K) setKeyContext1(record.getValue()));
    try {
      userFunction.processElement1(record.getValue(), context, support.collector());
    } catch (Exception e) {
      throw userError(e);
    } finally {
      support.end();
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public void processElement2(StreamRecord<IN2> record) {
    support.startElement(record, (K) setKeyContext2(record.getValue()));
    try {
      userFunction.processElement2(record.getValue(), context, support.collector());
    } catch (Exception e) {
      throw userError(e);
    } finally {
      support.end();
    }
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
    support.startTimer(timer, domain);
    try {
      userFunction.onTimer(timer.getTimestamp(), context, support.collector());
    } catch (Exception e) {
      throw userError(e);
    } finally {
      support.end();
    }
  }

  /** The context of both inputs and of timers (an on-timer context is an element context). */
  private final class KeyedCoProcessContext
      extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.OnTimerContext {
    KeyedCoProcessContext(KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
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

    @Override
    public K getCurrentKey() {
      return support.currentKey();
    }

    @Override
    public TimeDomain timeDomain() {
      return support.timeDomain();
    }
  }
}
