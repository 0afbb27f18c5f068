package io.eddy.runtime.entrypoint;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How a TaskManager runs.
 *
 * @param jobManagerAddress the JobManager's gRPC address, host:port
 * @param host the address the JobManager and other TaskManagers reach this one at; it listens there
 * @param rpcPort gRPC port of its TaskExecutor service (0: any free port)
 * @param slots how many subtasks of each pipeline it runs at once
 * @param networkBuffers network buffers, the bound on its exchange memory
 * @param bufferSize bytes per network buffer
 * @param buffersPerChannel buffers a producer may fill per consumer before it waits
 * @param workDirectory where it keeps fetched job jars
 * @param heartbeatInterval how often it sends a heartbeat to the JobManager
 * @param heartbeatTimeout silence of the JobManager after which it drops its tasks and registers
 *     again
 * @param stateBackendConfig the state backend's configuration keys ({@code state.backend.type} and
 *     the backend's own, such as {@code taskmanager.memory.managed.size}); empty: the heap
 */
public record TaskManagerRunnerConfig(
    String jobManagerAddress,
    String host,
    int rpcPort,
    int slots,
    int networkBuffers,
    int bufferSize,
    int buffersPerChannel,
    Path workDirectory,
    Duration heartbeatInterval,
    Duration heartbeatTimeout,
    Map<String, String> stateBackendConfig) {
  public TaskManagerRunnerConfig {
    stateBackendConfig = stateBackendConfig == null ? Map.of() : Map.copyOf(stateBackendConfig);
    if (slots <= 0) {
      throw new IllegalArgumentException("A TaskManager needs at least one slot, not " + slots);
    }
    if (heartbeatTimeout.compareTo(heartbeatInterval) <= 0) {
      throw new IllegalArgumentException(
          "The heartbeat timeout must be longer than the heartbeat interval");
    }
  }

  /** A TaskManager with the heap state backend. */
  public TaskManagerRunnerConfig(
      String jobManagerAddress,
      String host,
      int rpcPort,
      int slots,
      int networkBuffers,
      int bufferSize,
      int buffersPerChannel,
      Path workDirectory,
      Duration heartbeatInterval,
      Duration heartbeatTimeout) {
    this(
        jobManagerAddress,
        host,
        rpcPort,
        slots,
        networkBuffers,
        bufferSize,
        buffersPerChannel,
        workDirectory,
        heartbeatInterval,
        heartbeatTimeout,
        Map.of());
  }

  /** Loopback, free ports, small network memory, default heartbeats. */
  public static TaskManagerRunnerConfig forTests(
      String jobManagerAddress, int slots, Path workDirectory) {
    return new TaskManagerRunnerConfig(
        jobManagerAddress,
        "127.0.0.1",
        0,
        slots,
        256,
        32 * 1024,
        4,
        workDirectory,
        JobManagerRunnerConfig.DEFAULT_HEARTBEAT_INTERVAL,
        JobManagerRunnerConfig.DEFAULT_HEARTBEAT_TIMEOUT);
  }
}
