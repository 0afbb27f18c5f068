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
import io.eddy.runtime.operators.FunctionContextSupport;
import io.eddy.runtime.state.KeyedStateBackend;
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
  private FunctionContextSupport<KS, OUT> support;
  private KeyedSideContext keyedSideContext;
  private BroadcastSideContext broadcastSideContext;

  public CoBroadcastWithKeyedOperator(
      KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function,
      List<MapStateDescriptor<?, ?>> descriptors) {
    super(function);
    this.descriptors = descriptors;
  }

  @Override
  public void open() throws Exception {
    states = new BroadcastStates(operatorStateBackend(), descriptors);
    support = new FunctionContextSupport<>(this, createTimerService(this));
    keyedSideContext = new KeyedSideContext(userFunction);
    broadcastSideContext = new BroadcastSideContext(userFunction);
    super.open();
  }

  @Override
  @SuppressWarnings("unchecked")
  public void processElement1(StreamRecord<IN1> record) {
    support.startElement(record, (KS) setKeyContext1(record.getValue()));
    try {
      userFunction.processElement(record.getValue(), keyedSideContext, support.collector());
    } catch (Exception e) {
      throw userError(e);
    } finally {
      support.end();
    }
  }

  @Override
  public void processElement2(StreamRecord<IN2> record) {
    support.startElement(record, null); // the broadcast side has no key
    try {
      userFunction.processBroadcastElement(
          record.getValue(), broadcastSideContext, support.collector());
    } catch (Exception e) {
      throw userError(e);
    } finally {
      support.end();
    }
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
    support.startTimer(timer, domain);
    try {
      userFunction.onTimer(timer.getTimestamp(), keyedSideContext, support.collector());
    } catch (Exception e) {
      throw userError(e);
    } finally {
      support.end();
    }
  }

  /** The broadcast input's context: broadcast state writable, keyed state of all keys. */
  private final class BroadcastSideContext
      extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.Context {
    BroadcastSideContext(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
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
      ((KeyedStateBackend<KS>) setup.keyedStateBackend()).applyToAllKeys(descriptor, function);
    }

    @Override
    public Long timestamp() {
      return support.timestamp();
    }

    @Override
    public <X> void output(OutputTag<X> tag, X value) {
      support.output(tag, value);
    }

    @Override
    public long currentProcessingTime() {
      return support.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
      return support.currentWatermark();
    }
  }

  /**
   * The keyed input's and the timers' context (an on-timer context is a read-only context): the
   * current key and its timers, broadcast state read-only.
   */
  private final class KeyedSideContext
      extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.OnTimerContext {
    KeyedSideContext(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
      function.super();
    }

    @Override
    public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(
        MapStateDescriptor<K, V> descriptor) {
      return states.getReadOnly(descriptor);
    }

    @Override
    public TimerService timerService() {
      return support;
    }

    @Override
    public KS getCurrentKey() {
      return support.currentKey();
    }

    @Override
    public TimeDomain timeDomain() {
      return support.timeDomain();
    }

    @Override
    public Long timestamp() {
      return support.timestamp();
    }

    @Override
    public <X> void output(OutputTag<X> tag, X value) {
      support.output(tag, value);
    }

    @Override
    public long currentProcessingTime() {
      return support.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
      return support.currentWatermark();
    }
  }
}
