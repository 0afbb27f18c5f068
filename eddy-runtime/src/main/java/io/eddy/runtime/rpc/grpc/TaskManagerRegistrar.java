package io.eddy.runtime.rpc.grpc;

/**
 * The JobManager side of TaskManager registration and heartbeats, as served by {@link
 * GrpcResourceManagerService}. Implementations are thread-safe.
 */
public interface TaskManagerRegistrar {

  /**
   * A TaskManager offering its slots.
   *
   * @param taskManagerId stable id of the TaskManager process
   * @param rpcAddress gRPC target of its TaskExecutor service
   * @param location its data-plane location, host:port
   * @param dataPort its data-plane port
   * @param numberOfSlots how many subtasks it runs at once
   */
  record Registration(
      String taskManagerId, String rpcAddress, String location, int dataPort, int numberOfSlots) {
    public Registration {
      if (numberOfSlots <= 0) {
        throw new IllegalArgumentException(
            "A TaskManager needs at least one slot: " + numberOfSlots);
      }
    }
  }

  /** Changes when the JobManager restarts: TaskManagers then register again. */
  String resourceManagerId();

  /** Registers (again: idempotent for the same id and address) a TaskManager and its slots. */
  void register(Registration registration);

  /** A heartbeat from {@code taskManagerId}: true if it is registered here. */
  boolean heartbeat(String taskManagerId);
}
