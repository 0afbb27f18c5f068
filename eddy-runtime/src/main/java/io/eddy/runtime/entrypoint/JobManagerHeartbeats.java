package io.eddy.runtime.entrypoint;

import io.eddy.runtime.rpc.grpc.GrpcResourceManagerClient;
import io.eddy.runtime.rpc.grpc.TaskManagerRegistrar.Registration;
import io.grpc.Channel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TaskManager's half of "heartbeats both ways": registers with the JobManager (retrying while
 * it is unreachable), then sends a heartbeat every interval. If the JobManager forgot this
 * TaskManager (it restarted, or declared it lost) or stays silent for the timeout, the TaskManager
 * drops its tasks (their JobMaster has given them up) and registers again.
 */
final class JobManagerHeartbeats implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobManagerHeartbeats.class);

  private final String jobManagerAddress;
  private final GrpcResourceManagerClient resourceManager;
  private final Registration registration;
  private final Duration timeout;
  private final Runnable dropTasks;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "jobmanager-heartbeats");
            t.setDaemon(true);
            return t;
          });
  private volatile boolean registered;
  private final CompletableFuture<Void> firstRegistration = new CompletableFuture<>();
  private volatile long lastContactNanos = System.nanoTime();
  private boolean inFlight; // confined to the timer thread
  private boolean warnedUnreachable; // confined to the timer thread

  JobManagerHeartbeats(
      String jobManagerAddress,
      Channel channel,
      Registration registration,
      Duration interval,
      Duration timeout,
      Runnable dropTasks) {
    this.jobManagerAddress = jobManagerAddress;
    // A slow answer on a loaded machine is still an answer: calls may take up to half the timeout
    // (a refused connection fails at once).
    this.resourceManager =
        new GrpcResourceManagerClient(channel, jobManagerAddress, timeout.dividedBy(2));
    this.registration = registration;
    this.timeout = timeout;
    this.dropTasks = dropTasks;
    timer.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  boolean isRegistered() {
    return registered;
  }

  /** Completes when this TaskManager registered for the first time. */
  CompletableFuture<Void> firstRegistration() {
    return firstRegistration;
  }

  private void tick() {
    if (inFlight) {
      return; // the previous call still waits for its answer (bounded by its deadline)
    }
    inFlight = true;
    if (registered) {
      resourceManager
          .heartbeat(registration.taskManagerId())
          .whenCompleteAsync((known, error) -> onHeartbeat(known, error), timer);
    } else {
      resourceManager
          .register(registration)
          .whenCompleteAsync((id, error) -> onRegistration(error), timer);
    }
  }

  private void onRegistration(Throwable error) {
    inFlight = false;
    if (error == null) {
      registered = true;
      firstRegistration.complete(null);
      warnedUnreachable = false;
      lastContactNanos = System.nanoTime();
      LOG.info(
          "TaskManager {} registered at the JobManager {} with {} slots",
          registration.taskManagerId(),
          jobManagerAddress,
          registration.numberOfSlots());
    } else if (!warnedUnreachable) {
      warnedUnreachable = true;
      LOG.warn(
          "Cannot register at the JobManager {} yet, retrying: {}",
          jobManagerAddress,
          error.getMessage());
    }
  }

  private void onHeartbeat(Boolean known, Throwable error) {
    inFlight = false;
    if (error == null && Boolean.TRUE.equals(known)) {
      lastContactNanos = System.nanoTime();
    } else if (error == null) {
      disconnect("the JobManager no longer knows this TaskManager");
    } else if (System.nanoTime() - lastContactNanos > timeout.toNanos()) {
      disconnect(
          "no answer from the JobManager for "
              + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastContactNanos)
              + " ms");
    }
  }

  private void disconnect(String reason) {
    LOG.warn(
        "TaskManager {} drops its tasks and registers again: {}",
        registration.taskManagerId(),
        reason);
    registered = false;
    dropTasks.run();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
