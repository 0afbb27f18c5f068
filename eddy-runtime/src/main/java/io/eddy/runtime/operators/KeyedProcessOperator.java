package io.eddy.runtime.operators;

import io.eddy.api.TimeDomain;
import io.eddy.api.TimerService;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.runtime.state.timers.InternalTimer;
import io.eddy.runtime.state.timers.InternalTimerService;
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
  private TimestampedCollector<OUT> collector;
  private ContextImpl context;
  private OnTimerContextImpl onTimerContext;
  private InternalTimerService<K> timers;

  public KeyedProcessOperator(KeyedProcessFunction<K, IN, OUT> function) {
    super(function);
  }

  @Override
  public void open() throws Exception {
    super.open();
    collector = new TimestampedCollector<>(output);
    timers = createTimerService(this);
    TimerService timerService = new KeyedTimerService();
    context = new ContextImpl(userFunction, timerService);
    onTimerContext = new OnTimerContextImpl(userFunction, timerService);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void processElement(StreamRecord<IN> record) {
    context.key = (K) setKeyContext(record.getValue());
    collector.setTimestampFrom(record);
    context.element = record;
    try {
      userFunction.processElement(record.getValue(), context, collector);
    } catch (Exception e) {
      throw userError(e);
    } finally {
      context.element = null;
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
    long timestamp = timer.getTimestamp();
    collector.setAbsoluteTimestamp(timestamp);
    onTimerContext.timer = timer;
    onTimerContext.domain = domain;
    onTimerContext.record.setTimestamp(timestamp);
    context.key = timer.getKey(); // a timer registered in onTimer belongs to this key
    try {
      userFunction.onTimer(timestamp, onTimerContext, collector);
    } catch (Exception e) {
      throw userError(e);
    } finally {
      onTimerContext.timer = null;
    }
  }

  /** The function's view of the timer service: timers of the current key. */
  private final class KeyedTimerService implements TimerService {
    @Override
    public long currentProcessingTime() {
      return timers.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
      return timers.currentWatermark();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
      timers.registerProcessingTimeTimer(context.key, time);
    }

    @Override
    public void registerEventTimeTimer(long time) {
      timers.registerEventTimeTimer(context.key, time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
      timers.deleteProcessingTimeTimer(context.key, time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
      timers.deleteEventTimeTimer(context.key, time);
    }
  }

  private final class ContextImpl extends KeyedProcessFunction<K, IN, OUT>.Context {
    private final TimerService timerService;
    private StreamRecord<IN> element;
    private K key;

    ContextImpl(KeyedProcessFunction<K, IN, OUT> function, TimerService timerService) {
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
      return key;
    }
  }

  private final class OnTimerContextImpl extends KeyedProcessFunction<K, IN, OUT>.OnTimerContext {
    private final TimerService timerService;
    private final StreamRecord<Object> record = new StreamRecord<>(null);
    private InternalTimer<K> timer;
    private TimeDomain domain;

    OnTimerContextImpl(KeyedProcessFunction<K, IN, OUT> function, TimerService timerService) {
      function.super();
      this.timerService = timerService;
    }

    @Override
    public Long timestamp() {
      return timer.getTimestamp();
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
      return timer.getKey();
    }
  }
}
