package io.eddy.api.connector.source.lib;

import io.eddy.api.annotation.PublicEvolving;
import io.eddy.api.common.io.SimpleVersionedSerializer;
import io.eddy.api.connector.source.Boundedness;
import io.eddy.api.connector.source.ReaderOutput;
import io.eddy.api.connector.source.Source;
import io.eddy.api.connector.source.SourceReader;
import io.eddy.api.connector.source.SourceReaderContext;
import io.eddy.api.connector.source.SplitEnumerator;
import io.eddy.api.connector.source.SplitEnumeratorContext;
import io.eddy.core.internal.connector.source.OnDemandSplitEnumerator;
import io.eddy.core.internal.connector.source.RateLimiter;
import io.eddy.core.internal.connector.source.SplitCursor;
import io.eddy.core.internal.connector.source.SplitListSerializer;
import io.eddy.core.internal.connector.source.SplitQueueReader;
import java.util.List;

/**
 * A bounded source that emits {@code generator.map(i)} for every index {@code i} in {@code [0,
 * count)}, each exactly once across all readers (and exactly once across failures when restored
 * from a checkpoint, which holds the indices not yet emitted).
 *
 * <p>An optional rate limits the records per second of the whole source; it is divided evenly among
 * the parallel readers. A reader over its rate returns NOTHING_AVAILABLE and is woken by a timer
 * when its next permit is due: it never sleeps on the task thread.
 *
 * @param <T> the record type
 */
@PublicEvolving
public final class DataGeneratorSource<T>
    implements Source<T, NumberSequenceSplit, List<NumberSequenceSplit>> {
  private static final long serialVersionUID = 1L;

  private final GeneratorFunction<Long, T> generator;
  private final long count;
  private final double recordsPerSecond;

  /** An unthrottled source of {@code count} generated records. */
  public DataGeneratorSource(GeneratorFunction<Long, T> generator, long count) {
    this(generator, count, Double.POSITIVE_INFINITY);
  }

  /**
   * A source of {@code count} generated records, at most {@code recordsPerSecond} per second in
   * total ({@link Double#POSITIVE_INFINITY} for no limit).
   */
  public DataGeneratorSource(
      GeneratorFunction<Long, T> generator, long count, double recordsPerSecond) {
    if (generator == null) {
      throw new NullPointerException("generator");
    }
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    if (!(recordsPerSecond > 0)) {
      throw new IllegalArgumentException("recordsPerSecond must be positive: " + recordsPerSecond);
    }
    this.generator = generator;
    this.count = count;
    this.recordsPerSecond = recordsPerSecond;
  }

  public long getCount() {
    return count;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SourceReader<T, NumberSequenceSplit> createReader(SourceReaderContext readerContext) {
    RateLimiter limiter = null;
    if (!Double.isInfinite(recordsPerSecond)) {
      int readers = Math.max(1, readerContext.currentParallelism());
      limiter = new RateLimiter(recordsPerSecond / readers, System::nanoTime);
    }
    return new Reader<>(readerContext, limiter, generator);
  }

  @Override
  public SplitEnumerator<NumberSequenceSplit, List<NumberSequenceSplit>> createEnumerator(
      SplitEnumeratorContext<NumberSequenceSplit> enumContext) {
    List<NumberSequenceSplit> splits =
        count == 0
            ? List.of()
            : NumberSequenceSplit.splitRange(
                0,
                count - 1,
                Math.max(1, enumContext.currentParallelism())
                    * NumberSequenceSource.SPLITS_PER_READER);
    return new OnDemandSplitEnumerator<>(enumContext, splits);
  }

  @Override
  public SplitEnumerator<NumberSequenceSplit, List<NumberSequenceSplit>> restoreEnumerator(
      SplitEnumeratorContext<NumberSequenceSplit> enumContext,
      List<NumberSequenceSplit> checkpoint) {
    return new OnDemandSplitEnumerator<>(enumContext, checkpoint);
  }

  @Override
  public SimpleVersionedSerializer<NumberSequenceSplit> getSplitSerializer() {
    return new NumberSequenceSplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<List<NumberSequenceSplit>> getEnumeratorCheckpointSerializer() {
    return new SplitListSerializer<>(new NumberSequenceSplitSerializer());
  }

  private static final class Reader<T> extends SplitQueueReader<T, NumberSequenceSplit> {
    private final GeneratorFunction<Long, T> generator;

    Reader(SourceReaderContext context, RateLimiter limiter, GeneratorFunction<Long, T> generator) {
      super(context, DEFAULT_BATCH_SIZE, limiter);
      this.generator = generator;
    }

    @Override
    protected SplitCursor<T, NumberSequenceSplit> openCursor(NumberSequenceSplit split) {
      return new IndexRangeCursor<>(split) {
        @Override
        void emitRecord(ReaderOutput<T> output, long index) throws Exception {
          output.collect(generator.map(index));
        }
      };
    }
  }
}
