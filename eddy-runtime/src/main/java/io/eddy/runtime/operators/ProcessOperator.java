package io.eddy.runtime.operators;

import io.eddy.api.TimerService;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.ProcessFunction;
import io.eddy.runtime.streamrecord.StreamRecord;

/**
 * Runs a {@link ProcessFunction}, with side outputs. Its timer service tells the time and the
 * watermark; timers need a keyed stream, so registering one throws.
 */
public final class ProcessOperator<IN, OUT>
    extends AbstractUdfStreamOperator<OUT, ProcessFunction<IN, OUT>>
    implements OneInputStreamOperator<IN, OUT> {
  private FunctionContextSupport<Object, OUT> support;
  private ProcessContext context;

  public ProcessOperator(ProcessFunction<IN, OUT> function) {
    super(function);
  }

  @Override
  public void open() throws Exception {
    super.open();
    support = new FunctionContextSupport<>(this, null);
    context = new ProcessContext(userFunction);
  }

  @Override
  public void processElement(StreamRecord<IN> record) {
    if (keyed) {
      setKeyContext(record.getValue()); // for keyed state of a process function after keyBy
    }
    support.startElement(record);
    try {
      userFunction.processElement(record.getValue(), context, support.collector());
    } catch (Exception e) {
      throw userError(e);
    } finally {
      support.end();
    }
  }

  private final class ProcessContext extends ProcessFunction<IN, OUT>.Context {
    ProcessContext(ProcessFunction<IN, OUT> function) {
      function.super();
    }

    @Override
    public TimerService timerService() {
      return support;
    }

    @Override
    public Long timestamp() {
      return support.timestamp();
    }

    @Override
    public <X> void output(OutputTag<X> tag, X value) {
      support.output(tag, value);
    }
  }
}
