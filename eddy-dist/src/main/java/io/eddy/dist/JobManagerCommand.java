package io.eddy.dist;

import io.eddy.rest.RestServer;
import io.eddy.rest.RestServerConfig;
import io.eddy.runtime.entrypoint.JobManagerRunner;
import io.eddy.runtime.entrypoint.TaskManagerRunner;
import io.eddy.runtime.ha.HighAvailabilityServices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code eddy jobmanager}: a dispatcher, a resource manager, the control plane TaskManagers
 * register at and the REST API, in this process, until it is stopped (SIGTERM or Ctrl-C).
 */
@Command(
    name = "jobmanager",
    mixinStandardHelpOptions = true,
    description =
        "Starts a JobManager: REST API (--rest-port) and the control plane TaskManagers register"
            + " at (--rpc-port). Start TaskManagers with 'eddy taskmanager', or inside this JVM"
            + " with --local-taskmanagers.")
final class JobManagerCommand implements Callable<Integer> {

  @Mixin ConfigOptions configOptions = new ConfigOptions();

  @Option(names = "--rest-port", paramLabel = "PORT", description = "Sets rest.port (8081).")
  Integer restPort;

  @Option(
      names = "--rpc-port",
      paramLabel = "PORT",
      description = "Sets jobmanager.rpc.port (6123): where TaskManagers register.")
  Integer rpcPort;

  @Option(
      names = "--local-taskmanagers",
      paramLabel = "N",
      description = "Sets jobmanager.local-taskmanagers (0): TaskManagers inside this JVM.")
  Integer localTaskManagers;

  @Option(
      names = "--slots",
      paramLabel = "S",
      description = "Sets taskmanager.slots (4): slots per local TaskManager.")
  Integer slots;

  @Override
  public Integer call() throws Exception {
    EddyConfig config =
        configOptions
            .flag("rest.port", restPort)
            .flag("jobmanager.rpc.port", rpcPort)
            .flag("jobmanager.local-taskmanagers", localTaskManagers)
            .flag("taskmanager.slots", slots)
            .load();
    CountDownLatch stopped = new CountDownLatch(1);
    try (Running jm = start(config)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "eddy-jm-shutdown"));
      System.out.println(
          "JobManager started: REST API at http://"
              + config.get("rest.bind-address")
              + ":"
              + jm.port()
              + "/v1, TaskManagers register at "
              + jm.jobManager().rpcAddress()
              + (jm.ha().isHighlyAvailable()
                  ? " (high availability: " + jm.ha().describe() + "; standby until elected)"
                  : "")
              + (jm.localTaskManagers().isEmpty()
                  ? ""
                  : ", "
                      + jm.localTaskManagers().size()
                      + " local TaskManager(s) with "
                      + config.get("taskmanager.slots")
                      + " slots each")
              + ".");
      System.out.flush();
      stopped.await();
    }
    return 0;
  }

  /** A started JobManager: control plane, REST server, and the TaskManagers in this JVM. */
  record Running(
      JobManagerRunner jobManager,
      List<TaskManagerRunner> localTaskManagers,
      RestServer server,
      int port,
      HighAvailabilityServices ha)
      implements AutoCloseable {
    @Override
    public void close() {
      server.close();
      localTaskManagers.forEach(TaskManagerRunner::close);
      jobManager.close();
    }
  }

  static Running start(EddyConfig config) {
    int port = config.getInt("rest.port", 0);
    int timeout = config.getInt("rest.jar-run.timeout-seconds", 1);
    HighAvailabilityServices ha = ClusterConfigs.haServices(config);
    JobManagerRunner jobManager;
    try {
      jobManager =
          JobManagerRunner.start(
              ClusterConfigs.jobManager(config), ha, JobManagerCommand::leadershipLost);
    } catch (RuntimeException e) {
      ha.close();
      throw new IllegalStateException(
          "Cannot start the JobManager's control plane on "
              + config.get("jobmanager.rpc.address")
              + ":"
              + config.get("jobmanager.rpc.port")
              + ": "
              + UserErrors.describe(e));
    }
    List<TaskManagerRunner> local = new ArrayList<>();
    RestServer server = null;
    try {
      for (int i = config.getInt("jobmanager.local-taskmanagers", 0); i > 0; i--) {
        local.add(
            TaskManagerRunner.start(
                ClusterConfigs.taskManager(config, jobManager.rpcAddress()), ha));
      }
      server =
          new RestServer(
              jobManager.dispatcher(),
              jobManager.libraryCache(),
              new RestServerConfig(
                  config.get("rest.bind-address"),
                  port,
                  Path.of(config.get("jobmanager.blob.dir")),
                  config.get("state.savepoints.dir"),
                  config.get("state.checkpoints.dir"),
                  Duration.ofSeconds(timeout)));
      JobManagerRunner jm = jobManager;
      server.followLeader(
          () -> jm.leaderSession() != null,
          () -> jm.leader() == null ? null : jm.leader().restAddress());
      int boundPort;
      try {
        boundPort = server.start();
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            "Cannot start the REST API on "
                + config.get("rest.bind-address")
                + ":"
                + port
                + ": "
                + UserErrors.describe(e));
      }
      jobManager.startLeaderElection(config.get("rest.bind-address") + ":" + boundPort);
      awaitRegistered(local);
      return new Running(jobManager, local, server, boundPort, ha);
    } catch (RuntimeException e) {
      if (server != null) {
        server.close();
      }
      local.forEach(TaskManagerRunner::close);
      jobManager.close();
      throw e;
    }
  }

  /** Exit code of a JobManager that lost its leadership (a supervisor restarts it as a standby). */
  static final int LEADERSHIP_LOST_EXIT_CODE = 3;

  /**
   * Leadership lost: this process stops at once (no shutdown hooks, nothing more done as leader);
   * its jobs go on under the next leader.
   */
  private static void leadershipLost() {
    System.err.println(
        "JobManager lost its leadership: exiting with code "
            + LEADERSHIP_LOST_EXIT_CODE
            + " (restart it to rejoin as a standby).");
    System.err.flush();
    Runtime.getRuntime().halt(LEADERSHIP_LOST_EXIT_CODE);
  }

  /** Local TaskManagers register over loopback; jobs submitted right after start find them. */
  private static void awaitRegistered(List<TaskManagerRunner> local) {
    try {
      CompletableFuture.allOf(
              local.stream().map(TaskManagerRunner::registered).toArray(CompletableFuture[]::new))
          .get(30, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "A local TaskManager did not register with the JobManager within 30 s.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("A local TaskManager failed to start", e.getCause());
    }
  }
}
