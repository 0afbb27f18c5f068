package io.eddy.runtime.scheduler.restart;

import java.util.ArrayDeque;

/**
 * Restarts while the job failed at most {@code maxFailuresPerInterval} times within the sliding
 * window of the last {@code intervalMillis} (counting the failure just recorded): a job that fails
 * now and then keeps running, one that fails in a loop stops.
 */
final class FailureRateRestartBackoffTimeStrategy implements RestartBackoffTimeStrategy {
  private final int maxFailuresPerInterval;
  private final long intervalMillis;
  private final long delayMillis;
  // times of the failures within the window, oldest first; at most maxFailuresPerInterval + 1
  private final ArrayDeque<Long> failureTimes = new ArrayDeque<>();

  FailureRateRestartBackoffTimeStrategy(
      int maxFailuresPerInterval, long intervalMillis, long delayMillis) {
    this.maxFailuresPerInterval = maxFailuresPerInterval;
    this.intervalMillis = intervalMillis;
    this.delayMillis = delayMillis;
  }

  @Override
  public void notifyFailure(Throwable cause, long nowMillis) {
    // a failure exactly one interval ago is outside the window (the window is (now - interval,
    // now])
    while (!failureTimes.isEmpty() && failureTimes.peekFirst() <= nowMillis - intervalMillis) {
      failureTimes.pollFirst();
    }
    failureTimes.addLast(nowMillis);
    if (failureTimes.size() > maxFailuresPerInterval + 1) {
      failureTimes.pollFirst(); // only "more than the maximum" matters; keep the deque bounded
    }
  }

  @Override
  public boolean canRestart() {
    return failureTimes.size() <= maxFailuresPerInterval;
  }

  @Override
  public long getBackoffTimeMillis() {
    return delayMillis;
  }

  @Override
  public String toString() {
    return "FailureRateRestartBackoffTimeStrategy(max="
        + maxFailuresPerInterval
        + " per "
        + intervalMillis
        + "ms, delay="
        + delayMillis
        + "ms)";
  }
}
