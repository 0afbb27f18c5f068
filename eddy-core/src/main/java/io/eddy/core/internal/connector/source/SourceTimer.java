package io.eddy.core.internal.connector.source;

import io.eddy.api.annotation.Internal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon timer thread shared by all source readers of a JVM, used to complete availability
 * futures later (for example when a rate-limited reader's next permit is due) instead of sleeping
 * on the task thread. The scheduled actions only complete futures, so one thread suffices.
 */
@Internal
public final class SourceTimer {
  private static final ScheduledThreadPoolExecutor TIMER = createTimer();

  private SourceTimer() {}

  /** A future that completes after {@code nanos} nanoseconds (at once if not positive). */
  public static CompletableFuture<Void> completeAfter(long nanos) {
    CompletableFuture<Void> future = new CompletableFuture<>();
    if (nanos <= 0) {
      future.complete(null);
    } else {
      TIMER.schedule(() -> future.complete(null), nanos, TimeUnit.NANOSECONDS);
    }
    return future;
  }

  private static ScheduledThreadPoolExecutor createTimer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "eddy-source-timer");
              thread.setDaemon(true);
              return thread;
            });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }
}
