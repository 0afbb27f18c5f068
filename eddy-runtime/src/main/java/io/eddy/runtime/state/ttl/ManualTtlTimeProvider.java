package io.eddy.runtime.state.ttl;

import java.time.Duration;

/**
 * A clock for tests that moves only when told to. Thread-safe: a test thread may advance it while
 * tasks read it.
 */
public final class ManualTtlTimeProvider implements TtlTimeProvider {
  private volatile long now;

  public ManualTtlTimeProvider(long start) {
    this.now = start;
  }

  @Override
  public long currentTimestamp() {
    return now;
  }

  public synchronized void set(long timestamp) {
    now = timestamp;
  }

  public synchronized void advance(Duration duration) {
    now += duration.toMillis();
  }
}
