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
import io.eddy.core.internal.connector.source.SplitCursor;
import io.eddy.core.internal.connector.source.SplitListSerializer;
import io.eddy.core.internal.connector.source.SplitQueueReader;
import java.util.List;

/**
 * A bounded source of the numbers {@code from, from + 1, ..., to} (both inclusive), each emitted
 * exactly once across all parallel readers, in ascending order within each split. Behind {@code
 * env.fromSequence(from, to)}.
 *
 * <p>The range is cut into {@value #SPLITS_PER_READER} splits per reader, handed out on request, so
 * faster readers take more of the range. Checkpoints hold the unread part of each split.
 */
@PublicEvolving
public final class NumberSequenceSource
    implements Source<Long, NumberSequenceSplit, List<NumberSequenceSplit>> {
  private static final long serialVersionUID = 1L;

  /** Splits created per parallel reader, for balance between fast and slow readers. */
  public static final int SPLITS_PER_READER = 4;

  private final long from;
  private final long to;

  /**
   * @param from the first number
   * @param to the last number (inclusive), not less than {@code from}
   */
  public NumberSequenceSource(long from, long to) {
    // Validates eagerly, so that a bad range fails where the job is defined.
    NumberSequenceSplit.splitRange(from, to, 1);
    this.from = from;
    this.to = to;
  }

  public long getFrom() {
    return from;
  }

  public long getTo() {
    return to;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SourceReader<Long, NumberSequenceSplit> createReader(SourceReaderContext readerContext) {
    return new Reader(readerContext);
  }

  @Override
  public SplitEnumerator<NumberSequenceSplit, List<NumberSequenceSplit>> createEnumerator(
      SplitEnumeratorContext<NumberSequenceSplit> enumContext) {
    int numSplits = Math.max(1, enumContext.currentParallelism()) * SPLITS_PER_READER;
    return new OnDemandSplitEnumerator<>(
        enumContext, NumberSequenceSplit.splitRange(from, to, numSplits));
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

  private static final class Reader extends SplitQueueReader<Long, NumberSequenceSplit> {
    Reader(SourceReaderContext context) {
      super(context, DEFAULT_BATCH_SIZE, null);
    }

    @Override
    protected SplitCursor<Long, NumberSequenceSplit> openCursor(NumberSequenceSplit split) {
      return new IndexRangeCursor<>(split) {
        @Override
        void emitRecord(ReaderOutput<Long> output, long index) {
          output.collect(index);
        }
      };
    }
  }
}
