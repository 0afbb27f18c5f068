package io.eddy.runtime.operators.co;

import io.eddy.api.common.state.BroadcastState;
import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.state.ReadOnlyBroadcastState;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.co.BroadcastProcessFunction;
import io.eddy.runtime.operators.FunctionContextSupport;
import io.eddy.runtime.streamrecord.StreamRecord;
import java.util.List;

/**
 * Runs a {@link BroadcastProcessFunction}: input 1 is the non-broadcast stream (broadcast state
 * read-only), input 2 the broadcast stream (broadcast state writable). The broadcast state lives in
 * this operator instance.
 */
public final class CoBroadcastWithNonKeyedOperator<IN1, IN2, OUT>
    extends AbstractTwoInputUdfOperator<IN1, IN2, OUT, BroadcastProcessFunction<IN1, IN2, OUT>> {
  private final List<MapStateDescriptor<?, ?>> descriptors;
  private BroadcastStates states;
  private FunctionContextSupport<Object, OUT> support;
  private NonBroadcastSideContext nonBroadcastSideContext;
  private BroadcastSideContext broadcastSideContext;

  public CoBroadcastWithNonKeyedOperator(
      BroadcastProcessFunction<IN1, IN2, OUT> function,
      List<MapStateDescriptor<?, ?>> descriptors) {
    super(function);
    this.descriptors = descriptors;
  }

  @Override
  public void open() throws Exception {
    states = new BroadcastStates(operatorStateBackend(), descriptors);
    support = new FunctionContextSupport<>(this, null);
    nonBroadcastSideContext = new NonBroadcastSideContext(userFunction);
    broadcastSideContext = new BroadcastSideContext(userFunction);
    super.open();
  }

  @Override
  public void processElement1(StreamRecord<IN1> record) {
    support.startElement(record);
    try {
      userFunction.processElement(record.getValue(), nonBroadcastSideContext, support.collector());
    } catch (Exception e) {
      throw userError(e);
    } finally {
      support.end();
    }
  }

  @Override
  public void processElement2(StreamRecord<IN2> record) {
    support.startElement(record);
    try {
      userFunction.processBroadcastElement(
          record.getValue(), broadcastSideContext, support.collector());
    } catch (Exception e) {
      throw userError(e);
    } finally {
      support.end();
    }
  }

  /** The broadcast input's context: broadcast state writable. */
  private final class BroadcastSideContext extends BroadcastProcessFunction<IN1, IN2, OUT>.Context {
    BroadcastSideContext(BroadcastProcessFunction<IN1, IN2, OUT> function) {
      function.super();
    }

    @Override
    public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
      return states.get(descriptor);
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

  /** The other input's context: broadcast state read-only. */
  private final class NonBroadcastSideContext
      extends BroadcastProcessFunction<IN1, IN2, OUT>.ReadOnlyContext {
    NonBroadcastSideContext(BroadcastProcessFunction<IN1, IN2, OUT> function) {
      function.super();
    }

    @Override
    public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(
        MapStateDescriptor<K, V> descriptor) {
      return states.getReadOnly(descriptor);
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
