package io.eddy.core.internal.connector.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private long nanos = 1_000_000_000_000L;

  @Test
  void grantsOnePermitAtOnceThenAccordingToElapsedTime() {
    RateLimiter limiter = new RateLimiter(1000, () -> nanos); // one permit per ms

    assertThat(limiter.tryAcquire(512)).isEqualTo(1);
    assertThat(limiter.tryAcquire(512)).isZero();
    assertThat(limiter.nanosUntilNextPermit()).isEqualTo(1_000_000);

    nanos += 999_999;
    assertThat(limiter.tryAcquire(512)).isZero();
    assertThat(limiter.nanosUntilNextPermit()).isEqualTo(1);
    nanos += 1;
    assertThat(limiter.tryAcquire(512)).isEqualTo(1);

    nanos += 10_000_000; // 10 ms: 10 permits due
    assertThat(limiter.tryAcquire(4)).isEqualTo(4);
    assertThat(limiter.tryAcquire(512)).isEqualTo(6);
    assertThat(limiter.tryAcquire(512)).isZero();
  }

  @Test
  void neverGrantsMoreThanTheRateOverAnyRunOfPolls() {
    RateLimiter limiter = new RateLimiter(12_345, () -> nanos);
    long granted = 0;
    long start = nanos;
    for (int i = 0; i < 100_000; i++) {
      nanos += (i * 7919L) % 50_000; // irregular polling, up to 50 µs apart
      granted += limiter.tryAcquire(512);
      double seconds = (nanos - start) / 1e9;
      assertThat(granted).isLessThanOrEqualTo(1 + (long) Math.floor(12_345 * seconds));
    }
    // And it does not fall behind either: polled this often, the rate is reached.
    double seconds = (nanos - start) / 1e9;
    assertThat(granted).isGreaterThanOrEqualTo((long) (12_345 * seconds) - 1);
  }

  @Test
  void idleCreditIsCappedAtOneHundredMilliseconds() {
    RateLimiter limiter = new RateLimiter(1000, () -> nanos);
    limiter.tryAcquire(1);
    nanos += 60_000_000_000L; // a minute of idleness
    assertThat(limiter.tryAcquire(Integer.MAX_VALUE)).isEqualTo(101);
  }

  @Test
  void releasedPermitsCanBeAcquiredAgain() {
    RateLimiter limiter = new RateLimiter(1000, () -> nanos);
    nanos += 5_000_000;
    assertThat(limiter.tryAcquire(512)).isEqualTo(6);
    limiter.release(2);
    assertThat(limiter.tryAcquire(512)).isEqualTo(2);
  }

  @Test
  void slowRatesWaitSeconds() {
    RateLimiter limiter = new RateLimiter(0.5, () -> nanos);
    assertThat(limiter.tryAcquire(10)).isEqualTo(1);
    assertThat(limiter.nanosUntilNextPermit()).isEqualTo(2_000_000_000L);
  }

  @Test
  void rejectsNonPositiveRates() {
    assertThatThrownBy(() -> new RateLimiter(0, () -> 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RateLimiter(Double.NaN, () -> 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
