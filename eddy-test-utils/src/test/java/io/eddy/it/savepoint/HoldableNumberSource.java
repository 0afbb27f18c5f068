package io.eddy.it.savepoint;

import io.eddy.api.common.io.SimpleVersionedSerializer;
import io.eddy.api.connector.source.Boundedness;
import io.eddy.api.connector.source.InputStatus;
import io.eddy.api.connector.source.ReaderOutput;
import io.eddy.api.connector.source.Source;
import io.eddy.api.connector.source.SourceReader;
import io.eddy.api.connector.source.SourceReaderContext;
import io.eddy.api.connector.source.SplitEnumerator;
import io.eddy.api.connector.source.SplitEnumeratorContext;
import io.eddy.api.connector.source.lib.DataGeneratorSource;
import io.eddy.api.connector.source.lib.NumberSequenceSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The numbers {@code 0..count-1} (a {@link DataGeneratorSource}), whose readers do not start splits
 * that begin at or after {@code holdFrom} until the test calls {@link #release()}: the job then
 * stays running at a known position (every number below the first held split emitted, nothing
 * else), which is where a test takes its savepoint. Held splits are part of the reader's state, so
 * a savepoint taken meanwhile holds them. Embedded cluster of the test's JVM only.
 */
final class HoldableNumberSource
    implements Source<Long, NumberSequenceSplit, List<NumberSequenceSplit>> {
  private static final long serialVersionUID = 1L;
  private static final Map<String, CompletableFuture<Void>> RELEASES = new ConcurrentHashMap<>();

  private final DataGeneratorSource<Long> numbers;
  private final long holdFrom;
  private final String id = UUID.randomUUID().toString();

  /** A source that holds the splits starting at or after {@code holdFrom}. */
  HoldableNumberSource(long count, long holdFrom) {
    this.numbers = new DataGeneratorSource<>(i -> i, count);
    this.holdFrom = holdFrom;
    RELEASES.put(id, new CompletableFuture<>());
  }

  /** A source that holds nothing. */
  static HoldableNumberSource unheld(long count) {
    return new HoldableNumberSource(count, Long.MAX_VALUE);
  }

  void release() {
    RELEASES.get(id).complete(null);
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SourceReader<Long, NumberSequenceSplit> createReader(SourceReaderContext context) {
    SourceReader<Long, NumberSequenceSplit> delegate = numbers.createReader(context);
    CompletableFuture<Void> released = RELEASES.get(id);
    return new SourceReader<>() {
      private final List<NumberSequenceSplit> held = new ArrayList<>();
      private boolean noMoreSplitsHeld;

      @Override
      public void start() throws Exception {
        delegate.start();
      }

      @Override
      public InputStatus pollNext(ReaderOutput<Long> output) throws Exception {
        if (released.isDone() && !held.isEmpty()) {
          delegate.addSplits(new ArrayList<>(held));
          held.clear();
          if (noMoreSplitsHeld) {
            delegate.notifyNoMoreSplits();
          }
        }
        return delegate.pollNext(output);
      }

      @Override
      public CompletableFuture<Void> isAvailable() {
        if (!held.isEmpty()) {
          return released;
        }
        return delegate.isAvailable();
      }

      @Override
      public void addSplits(List<NumberSequenceSplit> splits) {
        for (NumberSequenceSplit split : splits) {
          if (split.from() >= holdFrom && !released.isDone()) {
            held.add(split);
          } else {
            delegate.addSplits(List.of(split));
          }
        }
      }

      @Override
      public void notifyNoMoreSplits() {
        if (held.isEmpty()) {
          delegate.notifyNoMoreSplits();
        } else {
          noMoreSplitsHeld = true;
        }
      }

      @Override
      public List<NumberSequenceSplit> snapshotState(long checkpointId) {
        List<NumberSequenceSplit> state = new ArrayList<>(delegate.snapshotState(checkpointId));
        state.addAll(held);
        return state;
      }

      @Override
      public void close() throws Exception {
        delegate.close();
      }
    };
  }

  @Override
  public SplitEnumerator<NumberSequenceSplit, List<NumberSequenceSplit>> createEnumerator(
      SplitEnumeratorContext<NumberSequenceSplit> context) {
    return numbers.createEnumerator(context);
  }

  @Override
  public SplitEnumerator<NumberSequenceSplit, List<NumberSequenceSplit>> restoreEnumerator(
      SplitEnumeratorContext<NumberSequenceSplit> context, List<NumberSequenceSplit> checkpoint) {
    return numbers.restoreEnumerator(context, checkpoint);
  }

  @Override
  public SimpleVersionedSerializer<NumberSequenceSplit> getSplitSerializer() {
    return numbers.getSplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<List<NumberSequenceSplit>> getEnumeratorCheckpointSerializer() {
    return numbers.getEnumeratorCheckpointSerializer();
  }
}
