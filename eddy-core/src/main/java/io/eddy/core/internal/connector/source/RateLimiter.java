package io.eddy.core.internal.connector.source;

import io.eddy.api.annotation.Internal;
import java.util.function.LongSupplier;

/**
 * A non-blocking permit counter: {@link #tryAcquire} grants as many permits as the rate allows now
 * and never waits; {@link #nanosUntilNextPermit} says when to try again.
 *
 * <p>Over any period of {@code t} seconds after creation it grants at most {@code 1 + rate * (t +
 * 0.1)} permits: credit unused while the caller was busy elsewhere is kept for at most 100 ms (and
 * at least one permit), so that timer jitter does not lower the rate and a long pause does not
 * cause a long burst.
 *
 * <p>Threading: not thread-safe; used by one reader on its task thread.
 */
@Internal
public final class RateLimiter {
  private static final double MAX_CREDIT_NANOS = 100_000_000.0;

  private final double nanosPerPermit;
  private final double maxCreditNanos;
  private final LongSupplier nanoTicker;
  private final long origin;

  /** When the next permit is due, in nanoseconds after {@link #origin}. */
  private double nextPermitDue;

  /**
   * @param permitsPerSecond the rate, positive and finite
   * @param nanoTicker the clock, in nanoseconds, such as {@code System::nanoTime}
   */
  public RateLimiter(double permitsPerSecond, LongSupplier nanoTicker) {
    if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
      throw new IllegalArgumentException(
          "The rate must be positive and finite, but is " + permitsPerSecond);
    }
    this.nanosPerPermit = 1_000_000_000.0 / permitsPerSecond;
    this.maxCreditNanos = Math.max(MAX_CREDIT_NANOS, nanosPerPermit);
    this.nanoTicker = nanoTicker;
    this.origin = nanoTicker.getAsLong();
  }

  /** Grants between 0 and {@code max} permits, as many as are due now. Never blocks. */
  public int tryAcquire(int max) {
    double now = now();
    if (now < nextPermitDue || max <= 0) {
      return 0;
    }
    nextPermitDue = Math.max(nextPermitDue, now - maxCreditNanos);
    double due = Math.floor((now - nextPermitDue) / nanosPerPermit) + 1;
    int granted = (int) Math.min(max, due);
    nextPermitDue += granted * nanosPerPermit;
    return granted;
  }

  /** Gives back permits that were acquired but not used. */
  public void release(int permits) {
    nextPermitDue -= permits * nanosPerPermit;
  }

  /** Nanoseconds until {@link #tryAcquire} grants at least one permit; 0 if it would now. */
  public long nanosUntilNextPermit() {
    return (long) Math.ceil(Math.max(0, nextPermitDue - now()));
  }

  private double now() {
    return nanoTicker.getAsLong() - origin;
  }
}
