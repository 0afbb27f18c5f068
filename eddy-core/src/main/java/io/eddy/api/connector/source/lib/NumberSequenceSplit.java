package io.eddy.api.connector.source.lib;

import io.eddy.api.annotation.PublicEvolving;
import io.eddy.api.connector.source.SourceSplit;
import java.util.ArrayList;
import java.util.List;

/**
 * A range of numbers {@code [from, to]} (both inclusive, never empty) still to be read. Used by
 * {@link NumberSequenceSource} for its numbers and by {@link DataGeneratorSource} for the indices
 * it generates; a reader's checkpoint holds the range it has not emitted yet.
 */
@PublicEvolving
public final class NumberSequenceSplit implements SourceSplit {
  private final String splitId;
  private final long from;
  private final long to;

  public NumberSequenceSplit(String splitId, long from, long to) {
    if (from > to) {
      throw new IllegalArgumentException("Empty range: from " + from + " > to " + to);
    }
    this.splitId = splitId;
    this.from = from;
    this.to = to;
  }

  @Override
  public String splitId() {
    return splitId;
  }

  /** The first number of the range. */
  public long from() {
    return from;
  }

  /** The last number of the range (inclusive). */
  public long to() {
    return to;
  }

  /**
   * Cuts {@code [from, to]} into {@code min(numSplits, size)} consecutive ranges whose sizes differ
   * by at most one. The range may hold at most {@link Long#MAX_VALUE} numbers.
   */
  public static List<NumberSequenceSplit> splitRange(long from, long to, int numSplits) {
    if (from > to) {
      throw new IllegalArgumentException(
          "from (" + from + ") must not be greater than to (" + to + ")");
    }
    if (numSplits <= 0) {
      throw new IllegalArgumentException("numSplits must be positive: " + numSplits);
    }
    long span = to - from; // overflows to negative only when the range is too large
    if (span < 0 || span == Long.MAX_VALUE) {
      throw new IllegalArgumentException(
          "The range [" + from + ", " + to + "] holds more than Long.MAX_VALUE numbers");
    }
    long size = span + 1;
    int count = (int) Math.min(numSplits, size);
    long base = size / count;
    long larger = size % count;
    List<NumberSequenceSplit> splits = new ArrayList<>(count);
    long start = from;
    for (int i = 0; i < count; i++) {
      long length = base + (i < larger ? 1 : 0);
      long end = start + (length - 1);
      splits.add(new NumberSequenceSplit(Integer.toString(i), start, end));
      start = end + 1; // may overflow only after the last split
    }
    return splits;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NumberSequenceSplit other
        && splitId.equals(other.splitId)
        && from == other.from
        && to == other.to;
  }

  @Override
  public int hashCode() {
    return splitId.hashCode() * 31 + Long.hashCode(from) * 17 + Long.hashCode(to);
  }

  @Override
  public String toString() {
    return "NumberSequenceSplit{" + splitId + ": [" + from + ", " + to + "]}";
  }
}
