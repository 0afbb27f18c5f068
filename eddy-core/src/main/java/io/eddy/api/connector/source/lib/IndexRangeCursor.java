package io.eddy.api.connector.source.lib;

import io.eddy.api.connector.source.ReaderOutput;
import io.eddy.core.internal.connector.source.SplitCursor;

/** Walks the numbers of a {@link NumberSequenceSplit}, emitting one record per number. */
abstract class IndexRangeCursor<T> implements SplitCursor<T, NumberSequenceSplit> {
  private final String splitId;
  private final long to;
  private long next;
  private long remaining;

  IndexRangeCursor(NumberSequenceSplit split) {
    this.splitId = split.splitId();
    this.to = split.to();
    this.next = split.from();
    this.remaining = split.to() - split.from() + 1; // at most Long.MAX_VALUE by construction
  }

  /** Emits the record for {@code index}. */
  abstract void emitRecord(ReaderOutput<T> output, long index) throws Exception;

  @Override
  public final int emit(ReaderOutput<T> output, int max) throws Exception {
    int count = (int) Math.min(max, remaining);
    for (int i = 0; i < count; i++) {
      // Advance before emitting, so that a failing record is not retried by the same cursor.
      long index = next++;
      remaining--;
      emitRecord(output, index);
    }
    return count;
  }

  @Override
  public final NumberSequenceSplit remainder() {
    return remaining == 0 ? null : new NumberSequenceSplit(splitId, next, to);
  }
}
