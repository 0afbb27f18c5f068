package io.eddy.runtime.task;

import java.util.Arrays;

/**
 * Combines the watermarks and watermark statuses of a task's input channels into the task's own.
 *
 * <p>The task's watermark is the minimum over the channels that are <em>aligned</em>: active, not
 * ended, and not behind the watermark already emitted. An idle channel is left out; when it becomes
 * active again it rejoins once its watermark catches up with the task's (until then its records may
 * be late), so the task's watermark never goes back. When every channel that has not ended is idle
 * the task is idle, and (as in Flink) its watermark first advances to the largest watermark of
 * those channels, since nothing holds it back any more; when one becomes active again the task is
 * active again. An ended channel is left out for good; the upstream's final {@code Long.MAX_VALUE}
 * watermark has already passed by then.
 *
 * <p>Not thread safe: the task thread owns it. Calls return what changed, so the caller emits with
 * no allocation when nothing did.
 */
public final class StatusWatermarkValve {
  /** Returned by the input methods when the task's watermark did not advance. */
  public static final long NO_CHANGE = Long.MIN_VALUE;

  private final long[] watermarks;
  private final boolean[] idle;
  private final boolean[] ended;
  private final boolean[] aligned;
  private long lastOutputWatermark = Long.MIN_VALUE;
  private boolean outputIdle;
  private boolean statusChanged;

  public StatusWatermarkValve(int numChannels) {
    if (numChannels < 1) {
      throw new IllegalArgumentException("A valve needs at least one channel.");
    }
    watermarks = new long[numChannels];
    Arrays.fill(watermarks, Long.MIN_VALUE);
    idle = new boolean[numChannels];
    ended = new boolean[numChannels];
    aligned = new boolean[numChannels];
    Arrays.fill(aligned, true);
  }

  /**
   * A watermark arrived on {@code channel}.
   *
   * @return the task's new watermark, or {@link #NO_CHANGE}
   */
  public long inputWatermark(long watermark, int channel) {
    if (ended[channel] || idle[channel] || watermark <= watermarks[channel]) {
      return NO_CHANGE;
    }
    watermarks[channel] = watermark;
    if (!aligned[channel] && watermark >= lastOutputWatermark) {
      aligned[channel] = true;
    }
    return advance();
  }

  /**
   * {@code channel} became idle (true) or active (false). Call {@link #takeStatusChange()} after it
   * to learn whether the task's status changed.
   *
   * @return the task's new watermark, or {@link #NO_CHANGE}
   */
  public long inputStatus(boolean channelIdle, int channel) {
    if (ended[channel] || idle[channel] == channelIdle) {
      return NO_CHANGE;
    }
    idle[channel] = channelIdle;
    if (channelIdle) {
      aligned[channel] = false;
      long advanced = allIdle() ? advanceToMaxOfOpenChannels() : advance();
      if (allIdle()) {
        setOutputIdle(true);
      }
      return advanced;
    }
    aligned[channel] = watermarks[channel] >= lastOutputWatermark;
    setOutputIdle(false);
    return NO_CHANGE;
  }

  /**
   * {@code channel} ended. The rest may now decide the watermark, or all remaining may be idle.
   *
   * @return the task's new watermark, or {@link #NO_CHANGE}
   */
  public long inputEnded(int channel) {
    if (ended[channel]) {
      return NO_CHANGE;
    }
    ended[channel] = true;
    aligned[channel] = false;
    long advanced = advance();
    if (!outputIdle && anyOpen() && allIdle()) {
      setOutputIdle(true);
    }
    return advanced;
  }

  /** Whether the last call changed the task's status; resets the flag. */
  public boolean takeStatusChange() {
    boolean changed = statusChanged;
    statusChanged = false;
    return changed;
  }

  public boolean isOutputIdle() {
    return outputIdle;
  }

  public long getLastOutputWatermark() {
    return lastOutputWatermark;
  }

  private void setOutputIdle(boolean newIdle) {
    if (outputIdle != newIdle) {
      outputIdle = newIdle;
      statusChanged = true;
    }
  }

  private long advance() {
    long min = Long.MAX_VALUE;
    boolean any = false;
    for (int i = 0; i < watermarks.length; i++) {
      if (aligned[i]) {
        min = Math.min(min, watermarks[i]);
        any = true;
      }
    }
    if (any && min > lastOutputWatermark) {
      lastOutputWatermark = min;
      return min;
    }
    return NO_CHANGE;
  }

  private long advanceToMaxOfOpenChannels() {
    long max = Long.MIN_VALUE;
    for (int i = 0; i < watermarks.length; i++) {
      if (!ended[i]) {
        max = Math.max(max, watermarks[i]);
      }
    }
    if (max > lastOutputWatermark) {
      lastOutputWatermark = max;
      return max;
    }
    return NO_CHANGE;
  }

  private boolean allIdle() {
    for (int i = 0; i < idle.length; i++) {
      if (!ended[i] && !idle[i]) {
        return false;
      }
    }
    return true;
  }

  private boolean anyOpen() {
    for (boolean e : ended) {
      if (!e) {
        return true;
      }
    }
    return false;
  }
}
