package io.eddy.dist;

import io.eddy.rest.RestServer;
import io.eddy.rest.RestServerConfig;
import io.eddy.runtime.minicluster.MiniCluster;
import io.eddy.runtime.minicluster.MiniClusterConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eddy jobmanager}: a dispatcher, a resource manager and the REST API in this process, until
 * it is stopped (SIGTERM or Ctrl-C).
 *
 * <p>Temporary: until TaskManager processes can register over the control plane ({@code eddy
 * taskmanager}, next step), the JobManager hosts {@code --local-taskmanagers} TaskManagers in its
 * own JVM.
 */
@Command(
    name = "jobmanager",
    mixinStandardHelpOptions = true,
    description =
        "Starts a JobManager with its REST API. For now it hosts its TaskManagers in its own JVM "
            + "(--local-taskmanagers); 'eddy taskmanager' processes come with the control plane.")
final class JobManagerCommand implements Callable<Integer> {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML configuration file (keys and defaults: see README).")
  Path configFile;

  @Option(names = "-D", paramLabel = "KEY=VALUE", description = "Overrides a configuration key.")
  Map<String, String> overrides = new LinkedHashMap<>();

  @Option(names = "--rest-port", paramLabel = "PORT", description = "Sets rest.port (8081).")
  Integer restPort;

  @Option(
      names = "--local-taskmanagers",
      paramLabel = "N",
      description = "Sets jobmanager.local-taskmanagers (1): TaskManagers in this JVM, temporary.")
  Integer localTaskManagers;

  @Option(
      names = "--slots",
      paramLabel = "S",
      description = "Sets taskmanager.slots (4): slots per TaskManager.")
  Integer slots;

  @Override
  public Integer call() throws Exception {
    Map<String, String> all = new LinkedHashMap<>(overrides);
    if (restPort != null) {
      all.put("rest.port", restPort.toString());
    }
    if (localTaskManagers != null) {
      all.put("jobmanager.local-taskmanagers", localTaskManagers.toString());
    }
    if (slots != null) {
      all.put("taskmanager.slots", slots.toString());
    }
    EddyConfig config = EddyConfig.load(configFile, all);
    CountDownLatch stopped = new CountDownLatch(1);
    try (Running jm = start(config)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "eddy-jm-shutdown"));
      System.out.println(
          "JobManager started: REST API at http://"
              + config.get("rest.bind-address")
              + ":"
              + jm.port()
              + "/v1, "
              + config.get("jobmanager.local-taskmanagers")
              + " local TaskManager(s) with "
              + config.get("taskmanager.slots")
              + " slots each.");
      System.out.flush();
      stopped.await();
    }
    return 0;
  }

  /** A started JobManager: cluster plus REST server. */
  record Running(MiniCluster cluster, RestServer server, int port) implements AutoCloseable {
    @Override
    public void close() {
      server.close();
      cluster.close();
    }
  }

  static Running start(EddyConfig config) {
    int taskManagers = config.getInt("jobmanager.local-taskmanagers", 0);
    int slotsEach = config.getInt("taskmanager.slots", 1);
    int buffers = config.getInt("taskmanager.network.buffers", 1);
    int port = config.getInt("rest.port", 0);
    int timeout = config.getInt("rest.jar-run.timeout-seconds", 1);
    MiniCluster cluster =
        new MiniCluster(
            new MiniClusterConfig(
                taskManagers, slotsEach, buffers, MiniClusterConfig.DEFAULT_BUFFER_SIZE, 4));
    RestServer server =
        new RestServer(
            cluster.getDispatcher(),
            cluster.getLibraryCache(),
            new RestServerConfig(
                config.get("rest.bind-address"),
                port,
                Path.of(config.get("jobmanager.blob.dir")),
                config.get("state.savepoints.dir"),
                config.get("state.checkpoints.dir"),
                Duration.ofSeconds(timeout)));
    try {
      return new Running(cluster, server, server.start());
    } catch (RuntimeException e) {
      cluster.close();
      throw new IllegalStateException(
          "Cannot start the REST API on "
              + config.get("rest.bind-address")
              + ":"
              + port
              + ": "
              + UserErrors.describe(e));
    }
  }
}
