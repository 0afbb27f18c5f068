package io.eddy.runtime.operators;

import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.api.common.io.SimpleVersionedSerializer;
import io.eddy.api.common.state.ListState;
import io.eddy.api.common.state.ListStateDescriptor;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.api.connector.source.InputStatus;
import io.eddy.api.connector.source.ReaderOutput;
import io.eddy.api.connector.source.Source;
import io.eddy.api.connector.source.SourceReader;
import io.eddy.api.connector.source.SourceReaderContext;
import io.eddy.api.connector.source.SourceSplit;
import io.eddy.runtime.gateway.OperatorEvent;
import io.eddy.runtime.gateway.VersionedBytes;
import io.eddy.runtime.snapshot.RestoredState;
import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.streamrecord.WatermarkElement;
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
 *
 * <p>Checkpoints: the reader's splits with their current positions ({@link
 * SourceReader#snapshotState}) are kept in the operator list state {@value #SPLITS_STATE_NAME},
 * each serialized with the source's split serializer and its version. A restored operator gives its
 * share of them (list state is redistributed round-robin on rescaling) to the new reader before
 * starting it, so the reader continues right after the last record it emitted before the
 * checkpoint; splits it never got are in the enumerator's checkpoint (see {@code
 * SourceCoordinator#snapshotState}).
 */
public final class SourceOperator<T, SplitT extends SourceSplit> extends AbstractStreamOperator<T>
    implements StreamOperator<T> {
  private final Source<T, SplitT, ?> source;
  private final WatermarkStrategy<T> watermarkStrategy;
  private final long autoWatermarkIntervalMillis;

  /** Name of the operator list state that holds the reader's splits. */
  public static final String SPLITS_STATE_NAME = "source-reader-splits";

  @SuppressWarnings("unchecked")
  private static final ListStateDescriptor<byte[]> SPLITS_STATE =
      new ListStateDescriptor<>(
          SPLITS_STATE_NAME, (TypeInformation<byte[]>) Types.PRIMITIVE_ARRAY(Types.BYTE));

  private ListState<byte[]> splitsState;

  /** Splits restored from a checkpoint, for the reader created in open (then null). */
  private List<SplitT> restoredSplits = List.of();

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
  protected void initializeFunctionState(RestoredState restored) throws Exception {
    super.initializeFunctionState(restored);
    splitSerializer = source.getSplitSerializer();
    splitsState = operatorStateBackend().getListState(SPLITS_STATE);
    List<SplitT> splits = new ArrayList<>();
    for (byte[] bytes : splitsState.get()) {
      splits.add(VersionedBytes.deserialize(splitSerializer, bytes));
    }
    restoredSplits = splits;
  }

  /** Replaces the split state with the reader's splits at their current positions. */
  @Override
  protected void snapshotFunctionState(long checkpointId, long timestamp) throws Exception {
    super.snapshotFunctionState(checkpointId, timestamp);
    List<SplitT> splits;
    try {
      splits = reader.snapshotState(checkpointId);
    } catch (Exception e) {
      throw userError(e);
    }
    List<byte[]> serialized = new ArrayList<>(splits.size());
    for (SplitT split : splits) {
      serialized.add(VersionedBytes.serialize(splitSerializer, split));
    }
    splitsState.update(serialized);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    super.notifyCheckpointComplete(checkpointId);
    try {
      reader.notifyCheckpointComplete(checkpointId);
    } catch (Exception e) {
      throw userError(e);
    }
  }

  @Override
  public void open() throws Exception {
    if (splitSerializer == null) { // run without initializeState, as in some tests
      initializeFunctionState(RestoredState.NONE);
    }
    if (watermarkStrategy == null) {
      readerOutput = new PassThroughReaderOutput();
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
      // Restored splits go in before start, so that the reader does not ask for work it has.
      if (!restoredSplits.isEmpty()) {
        reader.addSplits(restoredSplits);
      }
      restoredSplits = null;
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
  public void processWatermark(WatermarkElement watermark) throws Exception {
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

  /** Emits records with the timestamps the reader gives (no watermark strategy). */
  private final class PassThroughReaderOutput implements ReaderOutput<T> {
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
