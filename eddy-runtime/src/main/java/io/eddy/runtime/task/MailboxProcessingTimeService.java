package io.eddy.runtime.task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ProcessingTimeService} on a shared timer thread that only enqueues mails: the work
 * itself runs on the task thread.
 */
public final class MailboxProcessingTimeService implements ProcessingTimeService {
  private final ScheduledExecutorService timer;
  private final TaskMailbox mailbox;
  private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();

  public MailboxProcessingTimeService(ScheduledExecutorService timer, TaskMailbox mailbox) {
    this.timer = timer;
    this.mailbox = mailbox;
  }

  @Override
  public long getCurrentProcessingTime() {
    return System.currentTimeMillis();
  }

  @Override
  public ScheduledFuture<?> registerTimer(long timestamp, ProcessingTimeCallback callback) {
    long delay = Math.max(0, timestamp - getCurrentProcessingTime());
    ScheduledFuture<?> f =
        timer.schedule(
            () -> mailbox.put(() -> callback.onProcessingTime(timestamp), "timer"),
            delay,
            TimeUnit.MILLISECONDS);
    track(f);
    return f;
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      ProcessingTimeCallback callback, long initialDelayMillis, long periodMillis) {
    ScheduledFuture<?> f =
        timer.scheduleAtFixedRate(
            () ->
                mailbox.put(
                    () -> callback.onProcessingTime(getCurrentProcessingTime()), "periodic timer"),
            initialDelayMillis,
            periodMillis,
            TimeUnit.MILLISECONDS);
    track(f);
    return f;
  }

  private synchronized void track(ScheduledFuture<?> f) {
    scheduled.removeIf(ScheduledFuture::isDone);
    scheduled.add(f);
  }

  /** Cancels all timers of the task. */
  public synchronized void shutdown() {
    for (ScheduledFuture<?> f : scheduled) {
      f.cancel(false);
    }
    scheduled.clear();
  }
}
