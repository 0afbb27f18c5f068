package io.eddy.runtime.time;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Wall-clock time; actions run on a shared scheduler thread. */
public final class SystemClock implements Clock {
  private final ScheduledExecutorService scheduler;

  /**
   * @param scheduler runs the actions; owned by the caller
   */
  public SystemClock(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public long currentTimeMillis() {
    return System.currentTimeMillis();
  }

  @Override
  public Cancellable schedule(long timeMillis, Runnable action) {
    long delay = Math.max(0, timeMillis - currentTimeMillis());
    ScheduledFuture<?> f = scheduler.schedule(action, delay, TimeUnit.MILLISECONDS);
    return () -> f.cancel(false);
  }
}
