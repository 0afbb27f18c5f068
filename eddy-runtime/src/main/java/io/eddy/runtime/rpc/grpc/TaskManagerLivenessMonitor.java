package io.eddy.runtime.rpc.grpc;

import io.eddy.runtime.rpc.grpc.ResourceManagerRegistrar.Member;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Declares TaskManagers lost, the JobManager's half of "heartbeats both ways". Every {@code
 * interval} it pings each TaskManager; a TaskManager is lost when
 *
 * <ul>
 *   <li>its connection is refused or dropped twice in a row (a killed process: its port is closed;
 *       the channel leaving READY triggers the first probe at once, so this takes a fifth of an
 *       interval after the connection dropped, not a timeout), or
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
  private final Function<String, ManagedChannel> channels;
  private final Set<Member> watched = ConcurrentHashMap.newKeySet();

  /**
   * @param channels the channel to a TaskManager by its gRPC address: when it leaves READY (the
   *     connection dropped), the TaskManager is probed at once instead of at the next interval
   */
  public TaskManagerLivenessMonitor(
      ResourceManagerRegistrar registrar,
      Duration interval,
      Duration timeout,
      Function<String, ManagedChannel> channels) {
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
    this.channels = channels;
    timer.scheduleWithFixedDelay(
        this::checkAll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void checkAll() {
    long now = System.nanoTime();
    List<Member> members = registrar.members();
    watched.retainAll(members);
    for (Member member : members) {
      if (watched.add(member)) {
        ManagedChannel channel = channels.apply(member.registration.rpcAddress());
        watch(member, channel, channel.getState(false));
      }
      long silentNanos = now - member.lastSeenNanos;
      if (silentNanos > timeout.toNanos()) {
        lose(member, "no heartbeat for " + TimeUnit.NANOSECONDS.toMillis(silentNanos) + " ms");
      } else {
        probe(member);
      }
    }
  }

  /** Probes {@code member} as soon as its connection drops (its channel leaves READY). */
  private void watch(Member member, ManagedChannel channel, ConnectivityState seen) {
    channel.notifyWhenStateChanged(
        seen,
        () -> {
          if (!watched.contains(member)) {
            return; // lost or gone: stop watching
          }
          ConnectivityState now = channel.getState(false);
          if (seen == ConnectivityState.READY && now != ConnectivityState.READY) {
            timer.execute(() -> probe(member));
          }
          watch(member, channel, now);
        });
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
    watched.remove(member);
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
