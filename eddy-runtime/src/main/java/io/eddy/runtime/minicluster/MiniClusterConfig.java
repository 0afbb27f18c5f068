package io.eddy.runtime.minicluster;

import io.eddy.runtime.time.Clock;
import java.util.Map;

/**
 * Size of an embedded cluster.
 *
 * @param numTaskManagers TaskManagers in this JVM
 * @param slotsPerTaskManager slots of each
 * @param networkBuffersPerTaskManager network buffers of each (the bound on exchange memory)
 * @param bufferSize bytes per network buffer
 * @param buffersPerChannel buffers a producer may fill per consumer before it waits
 * @param clock processing time of every task, or null for the system clock; a {@link
 *     io.eddy.runtime.time.ManualClock} makes processing-time timers fire only when a test advances
 *     it
 * @param networkTransport how TaskManagers exchange buffers: in memory, or over loopback TCP with
 *     the distributed cluster's Netty data plane
 * @param controlPlane how the JobManager and the TaskManagers call each other: directly, or through
 *     the distributed cluster's gRPC services on grpc-java's in-process transport
 * @param stateBackendConfig the TaskManagers' state backend configuration, as a distributed
 *     TaskManager's ({@code state.backend.type} and the backend's keys); empty: the heap
 */
public record MiniClusterConfig(
    int numTaskManagers,
    int slotsPerTaskManager,
    int networkBuffersPerTaskManager,
    int bufferSize,
    int buffersPerChannel,
    Clock clock,
    NetworkTransport networkTransport,
    ControlPlane controlPlane,
    Map<String, String> stateBackendConfig) {

  /** How the embedded JobManager and TaskManagers call each other. */
  public enum ControlPlane {
    /** Gateways are called as Java objects. */
    DIRECT,
    /**
     * TaskManagers register over gRPC and every gateway call is encoded as Protobuf and goes
     * through the gRPC services of a distributed cluster, on grpc-java's in-process transport.
     */
    GRPC_IN_PROCESS
  }

  /** How the embedded TaskManagers exchange data. */
  public enum NetworkTransport {
    /** Consumers read producers' queues in memory, across embedded TaskManagers too. */
    LOCAL,
    /**
     * Each TaskManager serves its partitions on a loopback port; channels between TaskManagers go
     * through TCP with credit-based flow control, as in a distributed cluster.
     */
    NETTY
  }

  public MiniClusterConfig {
    if (networkTransport == null) {
      networkTransport = NetworkTransport.LOCAL;
    }
    if (controlPlane == null) {
      controlPlane = ControlPlane.DIRECT;
    }
    stateBackendConfig = stateBackendConfig == null ? Map.of() : Map.copyOf(stateBackendConfig);
  }

  /** A configuration with the heap state backend. */
  public MiniClusterConfig(
      int numTaskManagers,
      int slotsPerTaskManager,
      int networkBuffersPerTaskManager,
      int bufferSize,
      int buffersPerChannel,
      Clock clock,
      NetworkTransport networkTransport,
      ControlPlane controlPlane) {
    this(
        numTaskManagers,
        slotsPerTaskManager,
        networkBuffersPerTaskManager,
        bufferSize,
        buffersPerChannel,
        clock,
        networkTransport,
        controlPlane,
        Map.of());
  }

  /** A configuration with direct gateway calls. */
  public MiniClusterConfig(
      int numTaskManagers,
      int slotsPerTaskManager,
      int networkBuffersPerTaskManager,
      int bufferSize,
      int buffersPerChannel,
      Clock clock,
      NetworkTransport networkTransport) {
    this(
        numTaskManagers,
        slotsPerTaskManager,
        networkBuffersPerTaskManager,
        bufferSize,
        buffersPerChannel,
        clock,
        networkTransport,
        ControlPlane.DIRECT);
  }

  /** A configuration with the local transport. */
  public MiniClusterConfig(
      int numTaskManagers,
      int slotsPerTaskManager,
      int networkBuffersPerTaskManager,
      int bufferSize,
      int buffersPerChannel,
      Clock clock) {
    this(
        numTaskManagers,
        slotsPerTaskManager,
        networkBuffersPerTaskManager,
        bufferSize,
        buffersPerChannel,
        clock,
        NetworkTransport.LOCAL);
  }

  /** A configuration on the system clock. */
  public MiniClusterConfig(
      int numTaskManagers,
      int slotsPerTaskManager,
      int networkBuffersPerTaskManager,
      int bufferSize,
      int buffersPerChannel) {
    this(
        numTaskManagers,
        slotsPerTaskManager,
        networkBuffersPerTaskManager,
        bufferSize,
        buffersPerChannel,
        null);
  }

  public static final int DEFAULT_BUFFER_SIZE = 32 * 1024;

  /** One TaskManager with {@code slots} slots and 64 MiB of network memory. */
  public static MiniClusterConfig withSlots(int slots) {
    return new MiniClusterConfig(1, slots, 2048, DEFAULT_BUFFER_SIZE, 4);
  }

  public MiniClusterConfig withTaskManagers(int taskManagers, int slotsEach) {
    return new MiniClusterConfig(
        taskManagers,
        slotsEach,
        networkBuffersPerTaskManager,
        bufferSize,
        buffersPerChannel,
        clock,
        networkTransport,
        controlPlane,
        stateBackendConfig);
  }

  public MiniClusterConfig withNetworkBuffers(int buffers, int size) {
    return new MiniClusterConfig(
        numTaskManagers,
        slotsPerTaskManager,
        buffers,
        size,
        buffersPerChannel,
        clock,
        networkTransport,
        controlPlane,
        stateBackendConfig);
  }

  /** This configuration with all tasks on {@code clock} (for example a manual clock in tests). */
  public MiniClusterConfig withClock(Clock clock) {
    return new MiniClusterConfig(
        numTaskManagers,
        slotsPerTaskManager,
        networkBuffersPerTaskManager,
        bufferSize,
        buffersPerChannel,
        clock,
        networkTransport,
        controlPlane,
        stateBackendConfig);
  }

  /** This configuration with TaskManagers exchanging data through {@code transport}. */
  public MiniClusterConfig withNetworkTransport(NetworkTransport transport) {
    return new MiniClusterConfig(
        numTaskManagers,
        slotsPerTaskManager,
        networkBuffersPerTaskManager,
        bufferSize,
        buffersPerChannel,
        clock,
        transport,
        controlPlane,
        stateBackendConfig);
  }

  /**
   * This configuration with JobManager and TaskManagers calling each other through {@code plane}.
   */
  public MiniClusterConfig withControlPlane(ControlPlane plane) {
    return new MiniClusterConfig(
        numTaskManagers,
        slotsPerTaskManager,
        networkBuffersPerTaskManager,
        bufferSize,
        buffersPerChannel,
        clock,
        networkTransport,
        plane,
        stateBackendConfig);
  }

  /**
   * This configuration with the TaskManagers' state backend configured by {@code config}, as a
   * distributed TaskManager's is (for example {@code state.backend.type: rocksdb}).
   */
  public MiniClusterConfig withStateBackend(Map<String, String> config) {
    return new MiniClusterConfig(
        numTaskManagers,
        slotsPerTaskManager,
        networkBuffersPerTaskManager,
        bufferSize,
        buffersPerChannel,
        clock,
        networkTransport,
        controlPlane,
        config);
  }
}
