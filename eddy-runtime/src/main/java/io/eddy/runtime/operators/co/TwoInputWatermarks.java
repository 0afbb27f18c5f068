package io.eddy.runtime.operators.co;

/**
 * Combines the watermarks and idle statuses of a two-input operator's inputs (each already combined
 * over its channels by the task): the operator's watermark is the minimum of the two inputs'
 * watermarks, leaving out an idle input; when both are idle it is the larger of the two (nothing
 * holds it back), and the operator is idle. The combined watermark only moves forward: an input
 * that comes back from idleness behind it holds nothing back until it catches up.
 *
 * <p>Not thread safe: the task thread owns it. Calls return what changed.
 */
public final class TwoInputWatermarks {
  /** Returned when the combined watermark did not advance. */
  public static final long NO_CHANGE = Long.MIN_VALUE;

  private final long[] watermarks = {Long.MIN_VALUE, Long.MIN_VALUE};
  private final boolean[] idle = new boolean[2];
  private long combined = Long.MIN_VALUE;
  private boolean outputIdle;
  private boolean statusChanged;

  /**
   * Input {@code input} (0 or 1) reached {@code watermark}.
   *
   * @return the new combined watermark, or {@link #NO_CHANGE}
   */
  public long inputWatermark(int input, long watermark) {
    if (watermark <= watermarks[input]) {
      return NO_CHANGE;
    }
    watermarks[input] = watermark;
    return advance();
  }

  /**
   * Input {@code input} became idle (true) or active (false); call {@link #takeStatusChange()}
   * after it.
   *
   * @return the new combined watermark, or {@link #NO_CHANGE}
   */
  public long inputStatus(int input, boolean inputIdle) {
    if (idle[input] == inputIdle) {
      return NO_CHANGE;
    }
    idle[input] = inputIdle;
    boolean bothIdle = idle[0] && idle[1];
    if (outputIdle != bothIdle) {
      outputIdle = bothIdle;
      statusChanged = true;
    }
    return advance();
  }

  /** Whether the last call changed the operator's idle status; resets the flag. */
  public boolean takeStatusChange() {
    boolean changed = statusChanged;
    statusChanged = false;
    return changed;
  }

  public boolean isOutputIdle() {
    return outputIdle;
  }

  /** The combined watermark (Long.MIN_VALUE before the first). */
  public long getCombinedWatermark() {
    return combined;
  }

  private long advance() {
    long candidate;
    if (idle[0] && idle[1]) {
      candidate = Math.max(watermarks[0], watermarks[1]);
    } else if (idle[0]) {
      candidate = watermarks[1];
    } else if (idle[1]) {
      candidate = watermarks[0];
    } else {
      candidate = Math.min(watermarks[0], watermarks[1]);
    }
    if (candidate > combined) {
      combined = candidate;
      return candidate;
    }
    return NO_CHANGE;
  }
}
