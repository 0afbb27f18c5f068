package io.eddy.runtime.rpc.grpc;

import io.eddy.runtime.cluster.ResourceManager;
import io.eddy.runtime.cluster.TaskExecutorGateway;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Registers remote TaskManagers with a {@link ResourceManager}: for each new TaskManager it makes a
 * gateway ({@code gateways}, e.g. a {@link GrpcTaskExecutorClient}) and lends its slots to jobs. A
 * repeated registration of the same TaskManager at the same address changes nothing.
 */
public final class ResourceManagerRegistrar implements TaskManagerRegistrar {
  private final ResourceManager resourceManager;
  private final Function<Registration, TaskExecutorGateway> gateways;
  private final String id = UUID.randomUUID().toString();
  private final Map<String, Registration> registered = new HashMap<>();

  public ResourceManagerRegistrar(
      ResourceManager resourceManager, Function<Registration, TaskExecutorGateway> gateways) {
    this.resourceManager = resourceManager;
    this.gateways = gateways;
  }

  @Override
  public String resourceManagerId() {
    return id;
  }

  @Override
  public synchronized void register(Registration registration) {
    Registration known = registered.get(registration.taskManagerId());
    if (known != null) {
      if (known.equals(registration)) {
        return;
      }
      throw new IllegalArgumentException(
          "TaskManager "
              + registration.taskManagerId()
              + " is already registered as "
              + known
              + "; it cannot register again as "
              + registration);
    }
    resourceManager.registerTaskManager(gateways.apply(registration), registration.numberOfSlots());
    registered.put(registration.taskManagerId(), registration);
  }

  @Override
  public synchronized boolean heartbeat(String taskManagerId) {
    return registered.containsKey(taskManagerId);
  }
}
