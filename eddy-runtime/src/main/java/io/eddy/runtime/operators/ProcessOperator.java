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
    private final TimerService timerService = new NonKeyedTimerService();
    private StreamRecord<IN> element;

    ContextImpl(ProcessFunction<IN, OUT> function) {
      function.super();
    }

    @Override
    public TimerService timerService() {
      return timerService;
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

  /** Time and watermark only: timers are keyed state, so a non-keyed stream has none. */
  private final class NonKeyedTimerService implements TimerService {
    @Override
    public long currentProcessingTime() {
      return setup.processingTimeService().getCurrentProcessingTime();
    }

    @Override
    public long currentWatermark() {
      return currentWatermark;
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
      throw unsupported();
    }

    @Override
    public void registerEventTimeTimer(long time) {
      throw unsupported();
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
      throw unsupported();
    }

    @Override
    public void deleteEventTimeTimer(long time) {
      throw unsupported();
    }

    private UnsupportedOperationException unsupported() {
      return new UnsupportedOperationException(UNSUPPORTED_REGISTER_TIMER_MSG);
    }
  }
}
