package io.eddy.runtime.rpc.grpc;

import io.eddy.runtime.rpc.grpc.ResourceManagerRegistrar.Member;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Declares TaskManagers lost, the JobManager's half of "heartbeats both ways". Every {@code
 * interval} it pings each TaskManager; a TaskManager is lost when
 *
 * <ul>
 *   <li>its connection is refused or dropped twice in a row (a killed process: its port is closed,
 *       so this takes one interval, not a timeout), or
 *   <li>neither its heartbeats nor the pings' answers arrived for {@code timeout} (a hung process
 *       or a broken network).
 * </ul>
 *
 * A slow answer alone never counts as a lost connection: a loaded machine is not a dead one.
 */
public final class TaskManagerLivenessMonitor implements AutoCloseable {
  /** Consecutive refused connections that declare a TaskManager lost. */
  static final int REFUSALS_TO_LOSE = 2;

  private final ResourceManagerRegistrar registrar;
  private final Duration interval;
  private final Duration timeout;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "taskmanager-liveness");
            t.setDaemon(true);
            return t;
          });
  private final Map<Member, Integer> refusals = new ConcurrentHashMap<>();

  public TaskManagerLivenessMonitor(
      ResourceManagerRegistrar registrar, Duration interval, Duration timeout) {
    if (interval.isNegative() || interval.isZero() || timeout.compareTo(interval) <= 0) {
      throw new IllegalArgumentException(
          "The heartbeat timeout ("
              + timeout.toMillis()
              + " ms) must be longer than the heartbeat interval ("
              + interval.toMillis()
              + " ms), which must be positive.");
    }
    this.registrar = registrar;
    this.interval = interval;
    this.timeout = timeout;
    timer.scheduleWithFixedDelay(
        this::checkAll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void checkAll() {
    long now = System.nanoTime();
    for (Member member : registrar.members()) {
      long silentNanos = now - member.lastSeenNanos;
      if (silentNanos > timeout.toNanos()) {
        lose(member, "no heartbeat for " + TimeUnit.NANOSECONDS.toMillis(silentNanos) + " ms");
      } else {
        probe(member);
      }
    }
  }

  private void probe(Member member) {
    member
        .gateway
        .ping(interval)
        .whenComplete(
            (ok, error) -> {
              if (error == null) {
                member.lastSeenNanos = System.nanoTime();
                refusals.remove(member);
              } else if (connectionLost(error)) {
                int count = refusals.merge(member, 1, Integer::sum);
                if (count >= REFUSALS_TO_LOSE) {
                  lose(member, "its connection was lost (" + rootMessage(error) + ")");
                } else {
                  // Confirm at once rather than a whole interval later.
                  timer.schedule(
                      () -> probe(member), interval.toMillis() / 5, TimeUnit.MILLISECONDS);
                }
              }
            });
  }

  private void lose(Member member, String reason) {
    refusals.remove(member);
    registrar.unregister(member, reason);
  }

  private static boolean connectionLost(Throwable error) {
    Throwable t =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    return t instanceof ControlPlaneException e && e.getCode() == Status.Code.UNAVAILABLE;
  }

  private static String rootMessage(Throwable error) {
    Throwable t = error;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
