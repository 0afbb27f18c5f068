package io.eddy.runtime.rpc.grpc;

import io.eddy.runtime.rpc.proto.HeartbeatRequest;
import io.eddy.runtime.rpc.proto.HeartbeatResponse;
import io.eddy.runtime.rpc.proto.RegisterTaskManagerRequest;
import io.eddy.runtime.rpc.proto.RegisterTaskManagerResponse;
import io.eddy.runtime.rpc.proto.ResourceManagerServiceGrpc;
import io.eddy.runtime.rpc.proto.ResourceManagerServiceGrpc.ResourceManagerServiceStub;
import io.grpc.Channel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** How a TaskManager registers with the JobManager and sends heartbeats, over gRPC. */
public final class GrpcResourceManagerClient {
  private final ResourceManagerServiceStub stub;
  private final String target;
  private final Duration deadline;

  public GrpcResourceManagerClient(Channel channel, String target, Duration deadline) {
    this.stub = ResourceManagerServiceGrpc.newStub(channel);
    this.target = target;
    this.deadline = deadline;
  }

  /** Registers; completes with the JobManager's resource manager id. */
  public CompletableFuture<String> register(TaskManagerRegistrar.Registration r) {
    var request =
        RegisterTaskManagerRequest.newBuilder()
            .setTaskManagerId(r.taskManagerId())
            .setRpcAddress(r.rpcAddress())
            .setLocation(r.location())
            .setDataPort(r.dataPort())
            .setNumberOfSlots(r.numberOfSlots())
            .build();
    return GrpcCalls.<RegisterTaskManagerResponse>call(
            "ResourceManager.registerTaskManager",
            target,
            deadline,
            o -> stub().registerTaskManager(request, o))
        .thenApply(RegisterTaskManagerResponse::getResourceManagerId);
  }

  /** A heartbeat; completes with false if the JobManager no longer knows this TaskManager. */
  public CompletableFuture<Boolean> heartbeat(String taskManagerId) {
    var request = HeartbeatRequest.newBuilder().setTaskManagerId(taskManagerId).build();
    return GrpcCalls.<HeartbeatResponse>call(
            "ResourceManager.heartbeat", target, deadline, o -> stub().heartbeat(request, o))
        .thenApply(HeartbeatResponse::getRegistered);
  }

  private ResourceManagerServiceStub stub() {
    return stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
  }
}
