package io.eddy.runtime.operators;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.ProcessFunction;
import io.eddy.runtime.streamrecord.StreamRecord;

/** Runs a {@link ProcessFunction}, with side outputs. */
public final class ProcessOperator<IN, OUT>
    extends AbstractUdfStreamOperator<OUT, ProcessFunction<IN, OUT>>
    implements OneInputStreamOperator<IN, OUT> {
  private TimestampedCollector<OUT> collector;
  private ContextImpl context;

  public ProcessOperator(ProcessFunction<IN, OUT> function) {
    super(function);
  }

  @Override
  public void open() throws Exception {
    super.open();
    collector = new TimestampedCollector<>(output);
    context = new ContextImpl(userFunction);
  }

  @Override
  public void processElement(StreamRecord<IN> record) {
    if (keyed) {
      setKeyContext(record.getValue()); // for keyed state of a process function after keyBy
    }
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

  private final class ContextImpl extends ProcessFunction<IN, OUT>.Context {
    private StreamRecord<IN> element;

    ContextImpl(ProcessFunction<IN, OUT> function) {
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
  }
}
