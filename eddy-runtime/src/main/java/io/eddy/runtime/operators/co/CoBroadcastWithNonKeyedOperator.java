package io.eddy.runtime.operators.co;

import io.eddy.api.common.state.BroadcastState;
import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.state.ReadOnlyBroadcastState;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.co.BroadcastProcessFunction;
import io.eddy.runtime.operators.SideOutputs;
import io.eddy.runtime.operators.TimestampedCollector;
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
  private TimestampedCollector<OUT> collector;
  private ReadOnlyContextImpl readOnlyContext;
  private ContextImpl context;
  private StreamRecord<?> element;

  public CoBroadcastWithNonKeyedOperator(
      BroadcastProcessFunction<IN1, IN2, OUT> function,
      List<MapStateDescriptor<?, ?>> descriptors) {
    super(function);
    this.descriptors = descriptors;
  }

  @Override
  public void open() throws Exception {
    states = new BroadcastStates(operatorStateBackend(), descriptors);
    collector = new TimestampedCollector<>(output);
    readOnlyContext = new ReadOnlyContextImpl(userFunction);
    context = new ContextImpl(userFunction);
    super.open();
  }

  @Override
  public void processElement1(StreamRecord<IN1> record) {
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

  private Long timestamp() {
    return element != null && element.hasTimestamp() ? element.getTimestamp() : null;
  }

  private final class ContextImpl extends BroadcastProcessFunction<IN1, IN2, OUT>.Context {
    ContextImpl(BroadcastProcessFunction<IN1, IN2, OUT> function) {
      function.super();
    }

    @Override
    public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
      return states.get(descriptor);
    }

    @Override
    public Long timestamp() {
      return CoBroadcastWithNonKeyedOperator.this.timestamp();
    }

    @Override
    public <X> void output(OutputTag<X> tag, X value) {
      SideOutputs.emit(output, tag, value, element);
    }

    @Override
    public long currentProcessingTime() {
      return setup.processingTimeService().getCurrentProcessingTime();
    }

    @Override
    public long currentWatermark() {
      return currentWatermark;
    }
  }

  private final class ReadOnlyContextImpl
      extends BroadcastProcessFunction<IN1, IN2, OUT>.ReadOnlyContext {
    ReadOnlyContextImpl(BroadcastProcessFunction<IN1, IN2, OUT> function) {
      function.super();
    }

    @Override
    public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(
        MapStateDescriptor<K, V> descriptor) {
      return states.getReadOnly(descriptor);
    }

    @Override
    public Long timestamp() {
      return CoBroadcastWithNonKeyedOperator.this.timestamp();
    }

    @Override
    public <X> void output(OutputTag<X> tag, X value) {
      SideOutputs.emit(output, tag, value, element);
    }

    @Override
    public long currentProcessingTime() {
      return setup.processingTimeService().getCurrentProcessingTime();
    }

    @Override
    public long currentWatermark() {
      return currentWatermark;
    }
  }
}
