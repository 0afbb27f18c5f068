package io.eddy.runtime.entrypoint;

import java.time.Duration;

/**
 * How a JobManager serves its control plane.
 *
 * @param host the address TaskManagers reach it at; it also listens there
 * @param rpcPort gRPC port (0: any free port)
 * @param heartbeatInterval how often it probes each TaskManager
 * @param heartbeatTimeout silence after which a TaskManager is lost (a refused connection loses it
 *     sooner)
 */
public record JobManagerRunnerConfig(
    String host, int rpcPort, Duration heartbeatInterval, Duration heartbeatTimeout) {
  public static final int DEFAULT_RPC_PORT = 6123;
  public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofMillis(500);
  public static final Duration DEFAULT_HEARTBEAT_TIMEOUT = Duration.ofSeconds(5);

  /** Loopback, any free port, default heartbeats. */
  public static JobManagerRunnerConfig forTests() {
    return new JobManagerRunnerConfig(
        "127.0.0.1", 0, DEFAULT_HEARTBEAT_INTERVAL, DEFAULT_HEARTBEAT_TIMEOUT);
  }
}
