package io.eddy.runtime.operators;

import io.eddy.api.TimeDomain;
import io.eddy.api.TimerService;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.runtime.state.timers.InternalTimer;
import io.eddy.runtime.state.timers.Triggerable;
import io.eddy.runtime.streamrecord.StreamRecord;

/**
 * Runs a {@link KeyedProcessFunction} with the record's key as the current key, and calls its
 * {@code onTimer} when one of its event-time or processing-time timers fires (with the timer's key
 * as the current key). Elements, watermarks and timer mails all arrive on the task thread.
 */
public final class KeyedProcessOperator<K, IN, OUT>
    extends AbstractUdfStreamOperator<OUT, KeyedProcessFunction<K, IN, OUT>>
    implements OneInputStreamOperator<IN, OUT>, Triggerable<K> {
  private FunctionContextSupport<K, OUT> support;
  private KeyedProcessContext context;

  public KeyedProcessOperator(KeyedProcessFunction<K, IN, OUT> function) {
    super(function);
  }

  @Override
  public void open() throws Exception {
    super.open();
    support = new FunctionContextSupport<>(this, createTimerService(this));
    context = new KeyedProcessContext(userFunction);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void processElement(StreamRecord<IN> record) {
    support.startElement(record, (K) setKeyContext(record.getValue()));
    try {
      userFunction.processElement(record.getValue(), context, support.collector());
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

  /** The context of both elements and timers (an on-timer context is an element context). */
  private final class KeyedProcessContext extends KeyedProcessFunction<K, IN, OUT>.OnTimerContext {
    KeyedProcessContext(KeyedProcessFunction<K, IN, OUT> function) {
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
