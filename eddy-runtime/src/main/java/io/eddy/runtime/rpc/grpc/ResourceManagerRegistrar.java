package io.eddy.runtime.rpc.grpc;

import io.eddy.runtime.cluster.ResourceManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers remote TaskManagers with a {@link ResourceManager}: for each new TaskManager it makes a
 * gateway ({@code gateways}, a {@link GrpcTaskExecutorClient}) and lends its slots to jobs. A
 * repeated registration of the same TaskManager at the same address changes nothing. Remembers when
 * each TaskManager was last heard of, for {@link TaskManagerLivenessMonitor}.
 */
public final class ResourceManagerRegistrar implements TaskManagerRegistrar {
  private static final Logger LOG = LoggerFactory.getLogger(ResourceManagerRegistrar.class);

  /** A registered TaskManager and when it was last heard of. */
  static final class Member {
    final Registration registration;
    final GrpcTaskExecutorClient gateway;
    volatile long lastSeenNanos = System.nanoTime();

    Member(Registration registration, GrpcTaskExecutorClient gateway) {
      this.registration = registration;
      this.gateway = gateway;
    }
  }

  private final ResourceManager resourceManager;
  private final Function<Registration, GrpcTaskExecutorClient> gateways;
  private final String id = UUID.randomUUID().toString();
  private final Map<String, Member> registered = new HashMap<>();

  public ResourceManagerRegistrar(
      ResourceManager resourceManager, Function<Registration, GrpcTaskExecutorClient> gateways) {
    this.resourceManager = resourceManager;
    this.gateways = gateways;
  }

  @Override
  public String resourceManagerId() {
    return id;
  }

  @Override
  public void register(Registration registration) {
    Member member;
    synchronized (this) {
      Member known = registered.get(registration.taskManagerId());
      if (known != null) {
        if (known.registration.equals(registration)) {
          known.lastSeenNanos = System.nanoTime();
          return;
        }
        throw new IllegalArgumentException(
            "TaskManager "
                + registration.taskManagerId()
                + " is already registered as "
                + known.registration
                + "; it cannot register again as "
                + registration);
      }
      member = new Member(registration, gateways.apply(registration));
      registered.put(registration.taskManagerId(), member);
    }
    LOG.info(
        "TaskManager {} registered: {} slots, data at {}, control at {}",
        registration.taskManagerId(),
        registration.numberOfSlots(),
        registration.location(),
        registration.rpcAddress());
    resourceManager.registerTaskManager(member.gateway, registration.numberOfSlots());
  }

  @Override
  public boolean heartbeat(String taskManagerId) {
    Member member;
    synchronized (this) {
      member = registered.get(taskManagerId);
    }
    if (member == null) {
      return false;
    }
    member.lastSeenNanos = System.nanoTime();
    return true;
  }

  synchronized List<Member> members() {
    return new ArrayList<>(registered.values());
  }

  /**
   * Forgets a TaskManager that is dead or unreachable; its jobs learn that its tasks are lost. If
   * it is alive after all, its next heartbeat is answered "not registered": it drops its tasks and
   * registers again.
   */
  void unregister(Member member, String reason) {
    synchronized (this) {
      if (registered.get(member.registration.taskManagerId()) != member) {
        return;
      }
      registered.remove(member.registration.taskManagerId());
    }
    LOG.warn(
        "TaskManager {} at {} is lost: {}",
        member.registration.taskManagerId(),
        member.registration.location(),
        reason);
    resourceManager.removeTaskManager(member.gateway, reason);
  }
}
