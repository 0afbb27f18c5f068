package io.eddy.testutils;

import io.eddy.api.common.io.SimpleVersionedSerializer;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.api.connector.source.Boundedness;
import io.eddy.api.connector.source.InputStatus;
import io.eddy.api.connector.source.ReaderOutput;
import io.eddy.api.connector.source.Source;
import io.eddy.api.connector.source.SourceReader;
import io.eddy.api.connector.source.SourceReaderContext;
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
 * The given elements, then an open end until the test calls {@link #open()}: keeps a job running
 * while a test advances a manual clock. Works on the embedded cluster of the test's JVM only.
 */
public final class GatedSource<T> implements Source<T, FromElementsSplit, List<FromElementsSplit>> {
  private static final long serialVersionUID = 1L;
  private static final Map<String, CompletableFuture<Void>> GATES = new ConcurrentHashMap<>();

  private final FromElementsSource<T> elements;
  private final String id = UUID.randomUUID().toString();

  public GatedSource(TypeSerializer<T> serializer, List<T> data) {
    this.elements = FromElementsSource.of(serializer, data);
    GATES.put(id, new CompletableFuture<>());
  }

  /** Lets the readers end once their elements are read. */
  public void open() {
    GATES.get(id).complete(null);
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.CONTINUOUS_UNBOUNDED;
  }

  @Override
  public SourceReader<T, FromElementsSplit> createReader(SourceReaderContext context)
      throws Exception {
    SourceReader<T, FromElementsSplit> delegate = elements.createReader(context);
    CompletableFuture<Void> gate = GATES.get(id);
    return new SourceReader<>() {
      @Override
      public void start() throws Exception {
        delegate.start();
      }

      @Override
      public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
        InputStatus status = delegate.pollNext(output);
        if (status == InputStatus.END_OF_INPUT && !gate.isDone()) {
          return InputStatus.NOTHING_AVAILABLE;
        }
        return status;
      }

      @Override
      public CompletableFuture<Void> isAvailable() {
        CompletableFuture<Void> available = delegate.isAvailable();
        return available.isDone() ? gate : available;
      }

      @Override
      public void addSplits(List<FromElementsSplit> splits) {
        delegate.addSplits(splits);
      }

      @Override
      public void notifyNoMoreSplits() {
        delegate.notifyNoMoreSplits();
      }

      @Override
      public List<FromElementsSplit> snapshotState(long checkpointId) {
        return delegate.snapshotState(checkpointId);
      }

      @Override
      public void close() throws Exception {
        delegate.close();
      }
    };
  }

  @Override
  public SplitEnumerator<FromElementsSplit, List<FromElementsSplit>> createEnumerator(
      SplitEnumeratorContext<FromElementsSplit> context) throws Exception {
    return elements.createEnumerator(context);
  }

  @Override
  public SplitEnumerator<FromElementsSplit, List<FromElementsSplit>> restoreEnumerator(
      SplitEnumeratorContext<FromElementsSplit> context, List<FromElementsSplit> checkpoint)
      throws Exception {
    return elements.restoreEnumerator(context, checkpoint);
  }

  @Override
  public SimpleVersionedSerializer<FromElementsSplit> getSplitSerializer() {
    return elements.getSplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<List<FromElementsSplit>> getEnumeratorCheckpointSerializer() {
    return elements.getEnumeratorCheckpointSerializer();
  }
}
