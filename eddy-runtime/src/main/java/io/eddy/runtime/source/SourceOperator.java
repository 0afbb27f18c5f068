package io.eddy.runtime.source;

import io.eddy.api.common.io.SimpleVersionedSerializer;
import io.eddy.api.connector.source.InputStatus;
import io.eddy.api.connector.source.ReaderOutput;
import io.eddy.api.connector.source.Source;
import io.eddy.api.connector.source.SourceReader;
import io.eddy.api.connector.source.SourceReaderContext;
import io.eddy.api.connector.source.SourceSplit;
import io.eddy.runtime.operators.AbstractStreamOperator;
import io.eddy.runtime.operators.StreamOperator;
import io.eddy.runtime.streamrecord.StreamRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The head of a source task: runs a {@link SourceReader} and talks to the source's coordinator
 * (split requests up, split assignments down). The task calls {@link #emitNext()} as its default
 * action and waits on {@link #getAvailableFuture()} when the reader has nothing.
 */
public final class SourceOperator<T, SplitT extends SourceSplit> extends AbstractStreamOperator<T>
    implements StreamOperator<T> {
  private final Source<T, SplitT, ?> source;
  private SourceReader<T, SplitT> reader;
  private SimpleVersionedSerializer<SplitT> splitSerializer;
  private ReaderOutputImpl readerOutput;

  public SourceOperator(Source<T, SplitT, ?> source) {
    this.source = source;
  }

  @Override
  public void open() throws Exception {
    splitSerializer = source.getSplitSerializer();
    readerOutput = new ReaderOutputImpl();
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
}
