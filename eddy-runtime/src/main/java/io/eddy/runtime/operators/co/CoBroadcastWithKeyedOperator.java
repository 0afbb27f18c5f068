package io.eddy.runtime.operators.co;

import io.eddy.api.TimeDomain;
import io.eddy.api.TimerService;
import io.eddy.api.common.state.BroadcastState;
import io.eddy.api.common.state.KeyedStateFunction;
import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.state.ReadOnlyBroadcastState;
import io.eddy.api.common.state.State;
import io.eddy.api.common.state.StateDescriptor;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.co.KeyedBroadcastProcessFunction;
import io.eddy.runtime.operators.SideOutputs;
import io.eddy.runtime.operators.TimestampedCollector;
import io.eddy.runtime.state.heap.HeapKeyedStateBackend;
import io.eddy.runtime.state.timers.InternalTimer;
import io.eddy.runtime.state.timers.Triggerable;
import io.eddy.runtime.streamrecord.StreamRecord;
import java.util.List;

/**
 * Runs a {@link KeyedBroadcastProcessFunction}: input 1 is the keyed stream (its key current, keyed
 * state and timers, broadcast state read-only), input 2 the broadcast stream (no current key,
 * broadcast state writable, keyed state of all keys through {@code applyToKeyedState}). The
 * broadcast state lives in this operator instance. Task thread only.
 */
public final class CoBroadcastWithKeyedOperator<KS, IN1, IN2, OUT>
    extends AbstractTwoInputUdfOperator<
        IN1, IN2, OUT, KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>>
    implements Triggerable<KS> {
  private final List<MapStateDescriptor<?, ?>> descriptors;
  private BroadcastStates states;
  private TimestampedCollector<OUT> collector;
  private ReadOnlyContextImpl readOnlyContext;
  private ContextImpl context;
  private OnTimerContextImpl onTimerContext;
  private StreamRecord<?> element;
  private KS currentKey;

  public CoBroadcastWithKeyedOperator(
      KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function,
      List<MapStateDescriptor<?, ?>> descriptors) {
    super(function);
    this.descriptors = descriptors;
  }

  @Override
  public void open() throws Exception {
    states = new BroadcastStates(operatorStateBackend(), descriptors);
    collector = new TimestampedCollector<>(output);
    TimerService timerService =
        new CurrentKeyTimerService<>(createTimerService(this), () -> currentKey);
    readOnlyContext = new ReadOnlyContextImpl(userFunction, timerService);
    context = new ContextImpl(userFunction);
    onTimerContext = new OnTimerContextImpl(userFunction, timerService);
    super.open();
  }

  @Override
  @SuppressWarnings("unchecked")
  public void processElement1(StreamRecord<IN1> record) {
    currentKey = (KS) setKeyContext1(record.getValue());
    begin(record);
    try {
      userFunction.processElement(record.getValue(), readOnlyContext, collector);
    } catch (Exception e) {
      throw userError(e);
    } finally {
      element = null;
    }
  }

  @Override
  public void processElement2(StreamRecord<IN2> record) {
    currentKey = null; // the broadcast side has no key
    begin(record);
    try {
      userFunction.processBroadcastElement(record.getValue(), context, collector);
    } catch (Exception e) {
      throw userError(e);
    } finally {
      element = null;
    }
  }

  private void begin(StreamRecord<?> record) {
    collector.setTimestampFrom(record);
    element = record;
  }

  @Override
  public void onEventTime(InternalTimer<KS> timer) {
    fire(timer, TimeDomain.EVENT_TIME);
  }

  @Override
  public void onProcessingTime(InternalTimer<KS> timer) {
    fire(timer, TimeDomain.PROCESSING_TIME);
  }

  private void fire(InternalTimer<KS> timer, TimeDomain domain) {
    long timestamp = timer.getTimestamp();
    collector.setAbsoluteTimestamp(timestamp);
    onTimerContext.record.setTimestamp(timestamp);
    onTimerContext.domain = domain;
    currentKey = timer.getKey();
    element = onTimerContext.record;
    try {
      userFunction.onTimer(timestamp, onTimerContext, collector);
    } catch (Exception e) {
      throw userError(e);
    } finally {
      element = null;
    }
  }

  private Long timestamp() {
    return element != null && element.hasTimestamp() ? element.getTimestamp() : null;
  }

  private long processingTime() {
    return setup.processingTimeService().getCurrentProcessingTime();
  }

  private final class ContextImpl extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.Context {
    ContextImpl(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
      function.super();
    }

    @Override
    public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
      return states.get(descriptor);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <VS, S extends State> void applyToKeyedState(
        StateDescriptor<S, VS> descriptor, KeyedStateFunction<KS, S> function) throws Exception {
      ((HeapKeyedStateBackend<KS>) setup.keyedStateBackend()).applyToAllKeys(descriptor, function);
    }

    @Override
    public Long timestamp() {
      return CoBroadcastWithKeyedOperator.this.timestamp();
    }

    @Override
    public <X> void output(OutputTag<X> tag, X value) {
      SideOutputs.emit(output, tag, value, element);
    }

    @Override
    public long currentProcessingTime() {
      return processingTime();
    }

    @Override
    public long currentWatermark() {
      return currentWatermark;
    }
  }

  private class ReadOnlyContextImpl
      extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.ReadOnlyContext {
    private final TimerService timerService;

    ReadOnlyContextImpl(
        KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function, TimerService timerService) {
      function.super();
      this.timerService = timerService;
    }

    @Override
    public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(
        MapStateDescriptor<K, V> descriptor) {
      return states.getReadOnly(descriptor);
    }

    @Override
    public TimerService timerService() {
      return timerService;
    }

    @Override
    public KS getCurrentKey() {
      return currentKey;
    }

    @Override
    public Long timestamp() {
      return CoBroadcastWithKeyedOperator.this.timestamp();
    }

    @Override
    public <X> void output(OutputTag<X> tag, X value) {
      SideOutputs.emit(output, tag, value, element);
    }

    @Override
    public long currentProcessingTime() {
      return processingTime();
    }

    @Override
    public long currentWatermark() {
      return currentWatermark;
    }
  }

  private final class OnTimerContextImpl
      extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.OnTimerContext {
    private final TimerService timerService;
    private final StreamRecord<Object> record = new StreamRecord<>(null);
    private TimeDomain domain;

    OnTimerContextImpl(
        KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function, TimerService timerService) {
      function.super();
      this.timerService = timerService;
    }

    @Override
    public TimeDomain timeDomain() {
      return domain;
    }

    @Override
    public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(
        MapStateDescriptor<K, V> descriptor) {
      return states.getReadOnly(descriptor);
    }

    @Override
    public TimerService timerService() {
      return timerService;
    }

    @Override
    public KS getCurrentKey() {
      return currentKey;
    }

    @Override
    public Long timestamp() {
      return CoBroadcastWithKeyedOperator.this.timestamp();
    }

    @Override
    public <X> void output(OutputTag<X> tag, X value) {
      SideOutputs.emit(output, tag, value, element);
    }

    @Override
    public long currentProcessingTime() {
      return processingTime();
    }

    @Override
    public long currentWatermark() {
      return currentWatermark;
    }
  }
}
