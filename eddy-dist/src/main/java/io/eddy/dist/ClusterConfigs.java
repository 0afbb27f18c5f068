package io.eddy.dist;

import io.eddy.runtime.entrypoint.JobManagerRunnerConfig;
import io.eddy.runtime.entrypoint.TaskManagerRunnerConfig;
import io.eddy.runtime.ha.HighAvailabilityConfig;
import io.eddy.runtime.ha.HighAvailabilityServices;
import io.eddy.runtime.ha.HighAvailabilityServicesFactory;
import io.eddy.runtime.minicluster.MiniClusterConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The runtime's JobManager and TaskManager settings, read from the configuration keys. */
final class ClusterConfigs {
  private ClusterConfigs() {}

  static JobManagerRunnerConfig jobManager(EddyConfig config) {
    return new JobManagerRunnerConfig(
        config.get("jobmanager.rpc.address"),
        config.getInt("jobmanager.rpc.port", 0),
        heartbeatInterval(config),
        heartbeatTimeout(config));
  }

  static TaskManagerRunnerConfig taskManager(EddyConfig config, String jobManagerAddress) {
    return new TaskManagerRunnerConfig(
        jobManagerAddress,
        config.get("taskmanager.host"),
        config.getInt("taskmanager.rpc.port", 0),
        config.getInt("taskmanager.slots", 1),
        config.getInt("taskmanager.network.buffers", 1),
        MiniClusterConfig.DEFAULT_BUFFER_SIZE,
        config.getInt("taskmanager.network.buffers-per-channel", 1),
        Path.of(config.get("taskmanager.work.dir")),
        heartbeatInterval(config),
        heartbeatTimeout(config),
        stateBackend(config));
  }

  /** The state backend's keys, for the TaskManagers' backend. */
  static Map<String, String> stateBackend(EddyConfig config) {
    Map<String, String> keys = new HashMap<>();
    for (String key :
        List.of(
            "state.backend.type",
            "state.backend.rocksdb.localdir",
            "taskmanager.memory.managed.size")) {
      if (config.get(key) != null) {
        keys.put(key, config.get(key));
      }
    }
    return keys;
  }

  /** The high-availability.* keys. */
  static HighAvailabilityConfig highAvailability(EddyConfig config) {
    String type = config.get("high-availability.type");
    return new HighAvailabilityConfig(
        type == null ? HighAvailabilityConfig.NONE : type,
        config.get("high-availability.zookeeper.quorum"),
        config.get("high-availability.cluster-id"),
        config.get("high-availability.storageDir"),
        Duration.ofMillis(config.getInt("high-availability.zookeeper.client.session-timeout", 1)),
        Duration.ofMillis(
            config.getInt("high-availability.zookeeper.client.connection-timeout", 1)));
  }

  /** The HA services the configuration asks for (none: the built-in, in-process ones). */
  static HighAvailabilityServices haServices(EddyConfig config) {
    return HighAvailabilityServicesFactory.load(highAvailability(config));
  }

  private static Duration heartbeatInterval(EddyConfig config) {
    return Duration.ofMillis(config.getInt("heartbeat.interval", 10));
  }

  private static Duration heartbeatTimeout(EddyConfig config) {
    Duration timeout = Duration.ofMillis(config.getInt("heartbeat.timeout", 20));
    if (timeout.compareTo(heartbeatInterval(config)) <= 0) {
      throw new IllegalArgumentException(
          "heartbeat.timeout ("
              + timeout.toMillis()
              + ") must be longer than heartbeat.interval ("
              + heartbeatInterval(config).toMillis()
              + ").");
    }
    return timeout;
  }
}
