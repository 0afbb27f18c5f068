package io.eddy.dist;

import io.eddy.runtime.entrypoint.TaskManagerRunner;
import io.eddy.runtime.ha.HighAvailabilityServices;
import io.eddy.runtime.ha.NoHighAvailabilityServices;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code eddy taskmanager}: a TaskManager in this process, registered with a JobManager, until it
 * is stopped (SIGTERM or Ctrl-C). While the JobManager is unreachable it keeps trying.
 */
@Command(
    name = "taskmanager",
    mixinStandardHelpOptions = true,
    description =
        "Starts a TaskManager that offers its slots to the JobManager at --jobmanager"
            + " (its control-plane address, default port 6123).")
final class TaskManagerCommand implements Callable<Integer> {

  @Option(
      names = "--jobmanager",
      paramLabel = "HOST:PORT",
      description =
          "The JobManager's control-plane address (default: jobmanager.rpc.address:"
              + "jobmanager.rpc.port of the configuration, 127.0.0.1:6123).")
  String jobManager;

  @Option(
      names = "--slots",
      paramLabel = "N",
      description = "Sets taskmanager.slots (4): subtasks of each pipeline it runs at once.")
  Integer slots;

  @Mixin ConfigOptions configOptions = new ConfigOptions();

  @Override
  public Integer call() throws Exception {
    EddyConfig config = configOptions.flag("taskmanager.slots", slots).load();
    // With HA keys and no --jobmanager it follows the leader published in ZooKeeper.
    HighAvailabilityServices ha =
        jobManager == null ? ClusterConfigs.haServices(config) : new NoHighAvailabilityServices();
    String address =
        jobManager != null
            ? rpcAddress(jobManager)
            : ha.isHighlyAvailable()
                ? "the leader in " + ha.describe()
                : config.get("jobmanager.rpc.address") + ":" + config.get("jobmanager.rpc.port");
    CountDownLatch stopped = new CountDownLatch(1);
    TaskManagerRunner tm;
    try {
      tm = TaskManagerRunner.start(ClusterConfigs.taskManager(config, address), ha);
    } catch (RuntimeException e) {
      ha.close();
      throw new IllegalStateException("Cannot start the TaskManager: " + UserErrors.describe(e));
    }
    try (tm) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "eddy-tm-shutdown"));
      System.out.println(
          "TaskManager "
              + tm.taskManagerId()
              + " started: data at "
              + tm.dataLocation()
              + ", control at "
              + tm.rpcAddress()
              + ", "
              + config.get("taskmanager.slots")
              + " slots; registering at the JobManager "
              + address
              + ".");
      System.out.flush();
      stopped.await();
    }
    return 0;
  }

  /** HOST:PORT, or HOST with the default port 6123; a clear error for anything else. */
  static String rpcAddress(String value) {
    String s = value.strip();
    int colon = s.lastIndexOf(':');
    if (colon < 0) {
      return s + ":6123";
    }
    try {
      int port = Integer.parseInt(s.substring(colon + 1));
      if (colon == 0 || port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--jobmanager must be HOST:PORT (the JobManager's control-plane address), but was '"
              + value
              + "'.");
    }
    return s;
  }
}
