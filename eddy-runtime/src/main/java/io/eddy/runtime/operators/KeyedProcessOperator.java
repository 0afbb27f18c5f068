package io.eddy.runtime.operators;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.runtime.streamrecord.StreamRecord;

/** Runs a {@link KeyedProcessFunction} with the record's key as the current key. */
public final class KeyedProcessOperator<K, IN, OUT>
    extends AbstractUdfStreamOperator<OUT, KeyedProcessFunction<K, IN, OUT>>
    implements OneInputStreamOperator<IN, OUT> {
  private TimestampedCollector<OUT> collector;
  private ContextImpl context;

  public KeyedProcessOperator(KeyedProcessFunction<K, IN, OUT> function) {
    super(function);
  }

  @Override
  public void open() throws Exception {
    super.open();
    collector = new TimestampedCollector<>(output);
    context = new ContextImpl(userFunction);
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

  private final class ContextImpl extends KeyedProcessFunction<K, IN, OUT>.Context {
    private StreamRecord<IN> element;
    private K key;

    ContextImpl(KeyedProcessFunction<K, IN, OUT> function) {
      function.super();
    }

    @Override
    public Long timestamp() {
      return element != null && element.hasTimestamp() ? element.getTimestamp() : null;
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
}
