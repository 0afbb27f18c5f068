package io.eddy.runtime.task;

import io.eddy.runtime.time.Clock;
import io.eddy.runtime.time.ProcessingTimeService;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ProcessingTimeService} over the TaskManager's {@link Clock} whose timers only enqueue
 * mails: the callbacks run on the task thread. Timers may be registered from the task thread only;
 * the clock's actions run on the clock's thread (or the thread advancing a manual clock), hence the
 * concurrent set of pending timers, which {@link #shutdown()} cancels.
 */
public final class MailboxProcessingTimeService implements ProcessingTimeService {
  private final Clock clock;
  private final TaskMailbox mailbox;
  private final Set<Timer> pending = ConcurrentHashMap.newKeySet();
  private volatile boolean shutdown;

  public MailboxProcessingTimeService(Clock clock, TaskMailbox mailbox) {
    this.clock = clock;
    this.mailbox = mailbox;
  }

  @Override
  public long getCurrentProcessingTime() {
    return clock.currentTimeMillis();
  }

  @Override
  public Clock.Cancellable registerTimer(long timestamp, ProcessingTimeCallback callback) {
    Timer timer = new Timer(callback, timestamp, 0);
    timer.schedule();
    return timer;
  }

  @Override
  public Clock.Cancellable scheduleAtFixedRate(
      ProcessingTimeCallback callback, long initialDelayMillis, long periodMillis) {
    if (periodMillis <= 0) {
      throw new IllegalArgumentException("The period must be positive, but was " + periodMillis);
    }
    Timer timer =
        new Timer(callback, getCurrentProcessingTime() + initialDelayMillis, periodMillis);
    timer.schedule();
    return timer;
  }

  /** Cancels all timers of the task; later firings are dropped. */
  public void shutdown() {
    shutdown = true;
    for (Timer timer : pending) {
      timer.cancel();
    }
    pending.clear();
  }

  /** One timer; a periodic one reschedules itself after each firing. */
  private final class Timer implements Runnable, Clock.Cancellable {
    private final ProcessingTimeCallback callback;
    private final long period;
    private volatile long nextTime;
    private volatile Clock.Cancellable handle;
    private volatile boolean cancelled;

    Timer(ProcessingTimeCallback callback, long firstTime, long period) {
      this.callback = callback;
      this.nextTime = firstTime;
      this.period = period;
    }

    void schedule() {
      if (cancelled || shutdown) {
        return;
      }
      pending.add(this);
      handle = clock.schedule(nextTime, this);
    }

    /** On the clock's thread: hand the callback to the task thread. */
    @Override
    public void run() {
      if (cancelled || shutdown) {
        return;
      }
      long time = nextTime;
      mailbox.put(
          () -> {
            if (!cancelled && !shutdown) {
              callback.onProcessingTime(time);
            }
          },
          period > 0 ? "periodic timer" : "timer");
      if (period > 0) {
        nextTime = time + period;
        schedule();
      } else {
        pending.remove(this);
      }
    }

    @Override
    public void cancel() {
      cancelled = true;
      pending.remove(this);
      Clock.Cancellable h = handle;
      if (h != null) {
        h.cancel();
      }
    }
  }
}
