package io.eddy.testutils;

import io.eddy.api.common.io.SimpleVersionedSerializer;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.api.connector.source.Boundedness;
import io.eddy.api.connector.source.InputStatus;
import io.eddy.api.connector.source.ReaderOutput;
import io.eddy.api.connector.source.Source;
import io.eddy.api.connector.source.SourceReader;
import io.eddy.api.connector.source.SourceReaderContext;
import io.eddy.api.connector.source.SourceSplit;
import io.eddy.api.connector.source.SplitEnumerator;
import io.eddy.api.connector.source.SplitEnumeratorContext;
import io.eddy.api.connector.source.lib.FromElementsSource;
import io.eddy.api.connector.source.lib.FromElementsSplit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A source whose readers, after their last record, stay open until the test calls {@link #open()}:
 * keeps a job running (taking checkpoints, or while a test advances a manual clock) for as long as
 * the test needs. Works on the embedded cluster of the test's JVM only.
 *
 * @param <S> the split type of the wrapped source
 */
public final class GatedSource<T, S extends SourceSplit> implements Source<T, S, List<S>> {
  private static final long serialVersionUID = 1L;
  private static final Map<String, CompletableFuture<Void>> GATES = new ConcurrentHashMap<>();

  private final Source<T, S, List<S>> source;
  private final Boundedness boundedness;
  private final String id = UUID.randomUUID().toString();

  private GatedSource(Source<T, S, List<S>> source, Boundedness boundedness) {
    this.source = source;
    this.boundedness = boundedness;
    GATES.put(id, new CompletableFuture<>());
  }

  /** The given elements, then an open end (an unbounded source) until {@link #open()}. */
  public static <T> GatedSource<T, FromElementsSplit> of(
      TypeSerializer<T> serializer, List<T> data) {
    return new GatedSource<>(
        FromElementsSource.of(serializer, data), Boundedness.CONTINUOUS_UNBOUNDED);
  }

  /** {@code source}'s records, its readers held open after the last until {@link #open()}. */
  public static <T, S extends SourceSplit> GatedSource<T, S> holding(Source<T, S, List<S>> source) {
    return new GatedSource<>(source, source.getBoundedness());
  }

  /** Lets the readers end once their records are read. */
  public void open() {
    GATES.get(id).complete(null);
  }

  @Override
  public Boundedness getBoundedness() {
    return boundedness;
  }

  @Override
  public SourceReader<T, S> createReader(SourceReaderContext context) throws Exception {
    SourceReader<T, S> delegate = source.createReader(context);
    CompletableFuture<Void> gate = GATES.get(id);
    return new SourceReader<>() {
      private boolean ended;

      @Override
      public void start() throws Exception {
        delegate.start();
      }

      @Override
      public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
        InputStatus status = delegate.pollNext(output);
        if (status == InputStatus.END_OF_INPUT && !gate.isDone()) {
          ended = true;
          return InputStatus.NOTHING_AVAILABLE;
        }
        return status;
      }

      @Override
      public CompletableFuture<Void> isAvailable() {
        return ended ? gate : delegate.isAvailable();
      }

      @Override
      public void addSplits(List<S> splits) {
        delegate.addSplits(splits);
      }

      @Override
      public void notifyNoMoreSplits() {
        delegate.notifyNoMoreSplits();
      }

      @Override
      public List<S> snapshotState(long checkpointId) {
        return delegate.snapshotState(checkpointId);
      }

      @Override
      public void close() throws Exception {
        delegate.close();
      }
    };
  }

  @Override
  public SplitEnumerator<S, List<S>> createEnumerator(SplitEnumeratorContext<S> context)
      throws Exception {
    return source.createEnumerator(context);
  }

  @Override
  public SplitEnumerator<S, List<S>> restoreEnumerator(
      SplitEnumeratorContext<S> context, List<S> checkpoint) throws Exception {
    return source.restoreEnumerator(context, checkpoint);
  }

  @Override
  public SimpleVersionedSerializer<S> getSplitSerializer() {
    return source.getSplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<List<S>> getEnumeratorCheckpointSerializer() {
    return source.getEnumeratorCheckpointSerializer();
  }
}
