package io.eddy.testutils.harness;

import io.eddy.api.datastream.OutputTag;

/**
 * One thing an operator under a harness emitted: a record (on the main output or a side output), a
 * watermark, or a change of its input's idleness. {@link #toString} gives the short forms that
 * {@link AbstractOperatorHarness#takeOutput} returns: {@code "value@ts"} (or {@code "value"} for a
 * record without timestamp), {@code "tag:value@ts"}, {@code "W(ts)"}, {@code "IDLE"} and {@code
 * "ACTIVE"}.
 */
public sealed interface HarnessOutput {

  /**
   * A record.
   *
   * @param value the record's value
   * @param timestamp its timestamp; meaningless if {@code hasTimestamp} is false
   * @param hasTimestamp whether the record carries a timestamp
   * @param tag the side output it went to, or null for the main output
   */
  record Record<T>(T value, long timestamp, boolean hasTimestamp, OutputTag<T> tag)
      implements HarnessOutput {
    /** Whether the record went to the main output. */
    public boolean isMainOutput() {
      return tag == null;
    }

    @Override
    public String toString() {
      return (tag == null ? "" : tag.getId() + ":") + value + (hasTimestamp ? "@" + timestamp : "");
    }
  }

  /** A watermark: event time reached {@code timestamp}. */
  record Watermark(long timestamp) implements HarnessOutput {
    @Override
    public String toString() {
      return "W(" + timestamp + ")";
    }
  }

  /** The operator declared its output idle ({@code idle}) or active again. */
  record Idleness(boolean idle) implements HarnessOutput {
    @Override
    public String toString() {
      return idle ? "IDLE" : "ACTIVE";
    }
  }
}
