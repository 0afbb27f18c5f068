package io.eddy.api.common.eventtime;

import io.eddy.api.annotation.PublicEvolving;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Wraps a generator and declares the output idle when no event arrived for the idle timeout,
 * measured on the given processing-time clock at each periodic emit. While idle the wrapped
 * generator's periodic watermarks are suppressed; the next event makes the input active again (its
 * next watermark or record marks the output active).
 */
@PublicEvolving
public class WatermarksWithIdleness<T> implements WatermarkGenerator<T> {
  private final WatermarkGenerator<T> watermarks;
  private final long idleTimeoutMillis;
  private final LongSupplier clock;
  private long eventCounter;
  private long counterAtLastCheck;
  private boolean inactivityStarted;
  private long startOfInactivity;
  private boolean idle;

  /**
   * @param clock processing time in milliseconds; the task's (replaceable) clock in a job
   */
  public WatermarksWithIdleness(
      WatermarkGenerator<T> watermarks, Duration idleTimeout, LongSupplier clock) {
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException(
          "The idle timeout must be a positive duration, but was " + idleTimeout + ".");
    }
    this.watermarks = watermarks;
    this.idleTimeoutMillis = idleTimeout.toMillis();
    this.clock = clock;
  }

  @Override
  public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
    watermarks.onEvent(event, eventTimestamp, output);
    eventCounter++;
    idle = false;
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    if (checkIfIdle()) {
      if (!idle) {
        idle = true;
        output.markIdle();
      }
    } else {
      watermarks.onPeriodicEmit(output);
    }
  }

  private boolean checkIfIdle() {
    if (eventCounter != counterAtLastCheck) {
      counterAtLastCheck = eventCounter;
      inactivityStarted = false;
      return false;
    }
    long now = clock.getAsLong();
    if (!inactivityStarted) {
      inactivityStarted = true;
      startOfInactivity = now;
      return false;
    }
    return now - startOfInactivity >= idleTimeoutMillis;
  }
}
