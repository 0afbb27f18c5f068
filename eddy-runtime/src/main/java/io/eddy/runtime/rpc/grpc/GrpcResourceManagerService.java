package io.eddy.runtime.rpc.grpc;

import io.eddy.runtime.rpc.proto.HeartbeatRequest;
import io.eddy.runtime.rpc.proto.HeartbeatResponse;
import io.eddy.runtime.rpc.proto.RegisterTaskManagerRequest;
import io.eddy.runtime.rpc.proto.RegisterTaskManagerResponse;
import io.eddy.runtime.rpc.proto.ResourceManagerServiceGrpc;
import io.grpc.stub.StreamObserver;

/** Serves TaskManager registration and heartbeats over gRPC, delegating to a registrar. */
public final class GrpcResourceManagerService
    extends ResourceManagerServiceGrpc.ResourceManagerServiceImplBase {
  private final TaskManagerRegistrar registrar;

  public GrpcResourceManagerService(TaskManagerRegistrar registrar) {
    this.registrar = registrar;
  }

  @Override
  public void registerTaskManager(
      RegisterTaskManagerRequest request, StreamObserver<RegisterTaskManagerResponse> observer) {
    GrpcCalls.handle(
        observer,
        () -> {
          registrar.register(
              new TaskManagerRegistrar.Registration(
                  request.getTaskManagerId(),
                  request.getRpcAddress(),
                  request.getLocation(),
                  request.getDataPort(),
                  request.getNumberOfSlots()));
          observer.onNext(
              RegisterTaskManagerResponse.newBuilder()
                  .setResourceManagerId(registrar.resourceManagerId())
                  .build());
          observer.onCompleted();
        });
  }

  @Override
  public void heartbeat(HeartbeatRequest request, StreamObserver<HeartbeatResponse> observer) {
    GrpcCalls.handle(
        observer,
        () -> {
          observer.onNext(
              HeartbeatResponse.newBuilder()
                  .setRegistered(registrar.heartbeat(request.getTaskManagerId()))
                  .setResourceManagerId(registrar.resourceManagerId())
                  .build());
          observer.onCompleted();
        });
  }
}
