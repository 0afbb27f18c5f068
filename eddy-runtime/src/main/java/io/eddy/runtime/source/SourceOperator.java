package io.eddy.runtime.source;

import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.api.common.io.SimpleVersionedSerializer;
import io.eddy.api.connector.source.InputStatus;
import io.eddy.api.connector.source.ReaderOutput;
import io.eddy.api.connector.source.Source;
import io.eddy.api.connector.source.SourceReader;
import io.eddy.api.connector.source.SourceReaderContext;
import io.eddy.api.connector.source.SourceSplit;
import io.eddy.runtime.operators.AbstractStreamOperator;
import io.eddy.runtime.operators.EventTimeGeneration;
import io.eddy.runtime.operators.StreamOperator;
import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.streamrecord.Watermark;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The head of a source task: runs a {@link SourceReader} and talks to the source's coordinator
 * (split requests up, split assignments down). The task calls {@link #emitNext()} as its default
 * action and waits on {@link #getAvailableFuture()} when the reader has nothing.
 *
 * <p>With a {@link WatermarkStrategy} the reader's records get their timestamps from the strategy's
 * assigner and the reader's watermarks from its generator (one per reader; periodic emission runs
 * as a mail every auto-watermark interval). Without one, records keep the reader's timestamps and
 * the only watermark is the final one at the end of input.
 */
public final class SourceOperator<T, SplitT extends SourceSplit> extends AbstractStreamOperator<T>
    implements StreamOperator<T> {
  private final Source<T, SplitT, ?> source;
  private final WatermarkStrategy<T> watermarkStrategy;
  private final long autoWatermarkIntervalMillis;
  private SourceReader<T, SplitT> reader;
  private SimpleVersionedSerializer<SplitT> splitSerializer;
  private ReaderOutput<T> readerOutput;
  private EventTimeGeneration<T> eventTime;

  public SourceOperator(Source<T, SplitT, ?> source) {
    this(source, null, 0);
  }

  /**
   * @param watermarkStrategy applied per reader, or null
   * @param autoWatermarkIntervalMillis periodic watermark interval; 0: none
   */
  public SourceOperator(
      Source<T, SplitT, ?> source,
      WatermarkStrategy<T> watermarkStrategy,
      long autoWatermarkIntervalMillis) {
    this.source = source;
    this.watermarkStrategy = watermarkStrategy;
    this.autoWatermarkIntervalMillis = autoWatermarkIntervalMillis;
  }

  @Override
  public void open() throws Exception {
    splitSerializer = source.getSplitSerializer();
    if (watermarkStrategy == null) {
      readerOutput = new ReaderOutputImpl();
    } else {
      try {
        eventTime =
            new EventTimeGeneration<>(watermarkStrategy, setup.processingTimeService(), output);
      } catch (Exception e) {
        throw userError(e);
      }
      eventTime.startPeriodicEmission(setup.processingTimeService(), autoWatermarkIntervalMillis);
      readerOutput = new EventTimeReaderOutput();
    }
    var rc = setup.runtimeContext();
    try {
      reader =
          source.createReader(
              new SourceReaderContext() {
                @Override
                public int getIndexOfSubtask() {
                  return rc.getIndexOfThisSubtask();
                }

                @Override
                public int currentParallelism() {
                  return rc.getNumberOfParallelSubtasks();
                }

                @Override
                public void sendSplitRequest() {
                  setup
                      .operatorEvents()
                      .sendEventToCoordinator(
                          new OperatorEvent.SplitRequest(rc.getIndexOfThisSubtask()));
                }

                @Override
                public ClassLoader getUserCodeClassLoader() {
                  return rc.getUserCodeClassLoader();
                }
              });
      reader.start();
    } catch (Exception e) {
      throw userError(e);
    }
    setup
        .operatorEvents()
        .sendEventToCoordinator(new OperatorEvent.ReaderRegistration(rc.getIndexOfThisSubtask()));
  }

  /** Emits what the reader has now. */
  public InputStatus emitNext() {
    try {
      return reader.pollNext(readerOutput);
    } catch (Exception e) {
      throw userError(e);
    }
  }

  public CompletableFuture<Void> getAvailableFuture() {
    return reader.isAvailable();
  }

  /** An event from the coordinator; runs as a mail on the task thread. */
  public void handleOperatorEvent(OperatorEvent event) throws Exception {
    if (event instanceof OperatorEvent.AddSplits add) {
      List<SplitT> splits = new ArrayList<>(add.splits().size());
      for (byte[] bytes : add.splits()) {
        splits.add(splitSerializer.deserialize(add.version(), bytes));
      }
      reader.addSplits(splits);
    } else if (event instanceof OperatorEvent.NoMoreSplits) {
      reader.notifyNoMoreSplits();
    } else {
      throw new IllegalArgumentException("Unexpected event for a source reader: " + event);
    }
  }

  /** The final watermark at the end of input, through the generator's output when there is one. */
  @Override
  public void processWatermark(Watermark watermark) throws Exception {
    if (eventTime != null && watermark.getTimestamp() == Long.MAX_VALUE) {
      currentWatermark = Long.MAX_VALUE;
      eventTime.emitFinalWatermark();
    } else {
      super.processWatermark(watermark);
    }
  }

  @Override
  public void close() throws Exception {
    if (reader != null) {
      reader.close();
    }
  }

  private final class ReaderOutputImpl implements ReaderOutput<T> {
    private final StreamRecord<T> reuse = new StreamRecord<>(null);

    @Override
    public void collect(T record) {
      reuse.eraseTimestamp();
      output.collect(reuse.replace(record));
    }

    @Override
    public void collect(T record, long timestamp) {
      output.collect(reuse.replace(record, timestamp));
    }
  }

  /** Assigns timestamps and feeds the watermark generator before emitting. */
  private final class EventTimeReaderOutput implements ReaderOutput<T> {
    private final StreamRecord<T> reuse = new StreamRecord<>(null);

    @Override
    public void collect(T record) {
      collect(record, Long.MIN_VALUE);
    }

    @Override
    public void collect(T record, long timestamp) {
      long assigned;
      try {
        assigned = eventTime.onRecord(record, timestamp);
      } catch (Exception e) {
        throw userError(e);
      }
      output.collect(reuse.replace(record, assigned));
    }
  }
}
