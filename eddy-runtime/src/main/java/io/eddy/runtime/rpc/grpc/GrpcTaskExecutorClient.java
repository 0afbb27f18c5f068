package io.eddy.runtime.rpc.grpc;

import io.eddy.runtime.gateway.JobMasterGateway;
import io.eddy.runtime.gateway.OperatorEvent;
import io.eddy.runtime.gateway.TaskDeploymentDescriptor;
import io.eddy.runtime.gateway.TaskExecutorGateway;
import io.eddy.runtime.rpc.proto.AlignmentTimedOutRequest;
import io.eddy.runtime.rpc.proto.AttemptRequest;
import io.eddy.runtime.rpc.proto.Empty;
import io.eddy.runtime.rpc.proto.LocationResponse;
import io.eddy.runtime.rpc.proto.NotifyCheckpointAbortedRequest;
import io.eddy.runtime.rpc.proto.NotifyCheckpointCompleteRequest;
import io.eddy.runtime.rpc.proto.ReleaseJobRequest;
import io.eddy.runtime.rpc.proto.SendOperatorEventRequest;
import io.eddy.runtime.rpc.proto.SubmitTaskRequest;
import io.eddy.runtime.rpc.proto.TaskExecutorServiceGrpc;
import io.eddy.runtime.rpc.proto.TaskExecutorServiceGrpc.TaskExecutorServiceStub;
import io.eddy.runtime.rpc.proto.TriggerCheckpointRequest;
import io.eddy.runtime.snapshot.SnapshotType;
import io.grpc.Channel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@link TaskExecutorGateway} that reaches a TaskManager over gRPC. Each call has {@code
 * deadline}; a failed call completes its future with a {@link ControlPlaneException}. {@link
 * #getLocation()} is the data-plane location given at construction (it never changes for a
 * TaskManager, and the interface has it synchronous).
 */
public final class GrpcTaskExecutorClient implements TaskExecutorGateway {
  private final TaskExecutorServiceStub stub;
  private final String target;
  private final String location;
  private final Duration deadline;
  private final Function<JobMasterGateway, String> jobMasterAddresses;

  /**
   * @param jobMasterAddresses the gRPC target under which the TaskManager reaches a JobMaster given
   *     to {@link #submitTask}
   */
  public GrpcTaskExecutorClient(
      Channel channel,
      String target,
      String location,
      Duration deadline,
      Function<JobMasterGateway, String> jobMasterAddresses) {
    this.stub = TaskExecutorServiceGrpc.newStub(channel);
    this.target = target;
    this.location = location;
    this.deadline = deadline;
    this.jobMasterAddresses = jobMasterAddresses;
  }

  @Override
  public String getLocation() {
    return location;
  }

  /** Asks the TaskManager for its location (a liveness probe, too). */
  public CompletableFuture<String> fetchLocation() {
    return this.<LocationResponse>call("getLocation", o -> stub().getLocation(GrpcCalls.EMPTY, o))
        .thenApply(LocationResponse::getLocation);
  }

  /**
   * A liveness probe with its own (short) deadline: completes when the TaskManager answers; fails
   * with a {@link ControlPlaneException} whose code tells a refused or lost connection ({@code
   * UNAVAILABLE}) from a slow answer.
   */
  public CompletableFuture<Void> ping(Duration pingDeadline) {
    return GrpcCalls.<LocationResponse>call(
            "TaskExecutor.getLocation",
            target,
            pingDeadline,
            o ->
                stub.withDeadlineAfter(pingDeadline.toMillis(), TimeUnit.MILLISECONDS)
                    .getLocation(GrpcCalls.EMPTY, o))
        .thenApply(r -> null);
  }

  @Override
  public CompletableFuture<Void> submitTask(
      TaskDeploymentDescriptor tdd, JobMasterGateway jobMaster) {
    SubmitTaskRequest request =
        SubmitTaskRequest.newBuilder()
            .setDeployment(DeploymentCodec.toProto(tdd))
            .setJobMasterAddress(jobMasterAddresses.apply(jobMaster))
            .build();
    return callEmpty("submitTask", o -> stub().submitTask(request, o));
  }

  @Override
  public CompletableFuture<Void> cancelTask(String attemptId) {
    AttemptRequest request = AttemptRequest.newBuilder().setAttemptId(attemptId).build();
    return callEmpty("cancelTask", o -> stub().cancelTask(request, o));
  }

  @Override
  public CompletableFuture<Void> sendOperatorEvent(String attemptId, OperatorEvent event) {
    SendOperatorEventRequest request =
        SendOperatorEventRequest.newBuilder()
            .setAttemptId(attemptId)
            .setEvent(EventCodec.toProto(event))
            .build();
    return callEmpty("sendOperatorEvent", o -> stub().sendOperatorEvent(request, o));
  }

  @Override
  public CompletableFuture<Void> triggerCheckpoint(
      String attemptId, long checkpointId, long timestamp, SnapshotType type) {
    TriggerCheckpointRequest request =
        TriggerCheckpointRequest.newBuilder()
            .setAttemptId(attemptId)
            .setCheckpointId(checkpointId)
            .setTimestamp(timestamp)
            .setType(EventCodec.toProto(type))
            .build();
    return callEmpty("triggerCheckpoint", o -> stub().triggerCheckpoint(request, o));
  }

  @Override
  public CompletableFuture<Void> notifyCheckpointComplete(
      String attemptId, long checkpointId, boolean finalCheckpoint) {
    NotifyCheckpointCompleteRequest request =
        NotifyCheckpointCompleteRequest.newBuilder()
            .setAttemptId(attemptId)
            .setCheckpointId(checkpointId)
            .setFinalCheckpoint(finalCheckpoint)
            .build();
    return callEmpty("notifyCheckpointComplete", o -> stub().notifyCheckpointComplete(request, o));
  }

  @Override
  public CompletableFuture<Void> notifyCheckpointAborted(String attemptId, long checkpointId) {
    NotifyCheckpointAbortedRequest request =
        NotifyCheckpointAbortedRequest.newBuilder()
            .setAttemptId(attemptId)
            .setCheckpointId(checkpointId)
            .build();
    return callEmpty("notifyCheckpointAborted", o -> stub().notifyCheckpointAborted(request, o));
  }

  @Override
  public CompletableFuture<Void> alignmentTimedOut(
      String attemptId, long checkpointId, long timestamp) {
    AlignmentTimedOutRequest request =
        AlignmentTimedOutRequest.newBuilder()
            .setAttemptId(attemptId)
            .setCheckpointId(checkpointId)
            .setTimestamp(timestamp)
            .build();
    return callEmpty("alignmentTimedOut", o -> stub().alignmentTimedOut(request, o));
  }

  @Override
  public CompletableFuture<Void> releaseJob(String jobId) {
    ReleaseJobRequest request = ReleaseJobRequest.newBuilder().setJobId(jobId).build();
    return callEmpty("releaseJob", o -> stub().releaseJob(request, o));
  }

  @Override
  public CompletableFuture<Void> jobEnded(String jobId) {
    ReleaseJobRequest request = ReleaseJobRequest.newBuilder().setJobId(jobId).build();
    return callEmpty("jobEnded", o -> stub().jobEnded(request, o));
  }

  @Override
  public String toString() {
    return "TaskExecutor@" + target + " (" + location + ")";
  }

  private TaskExecutorServiceStub stub() {
    return stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
  }

  private <R> CompletableFuture<R> call(
      String method, Consumer<io.grpc.stub.StreamObserver<R>> call) {
    return GrpcCalls.call("TaskExecutor." + method, target, deadline, call);
  }

  private CompletableFuture<Void> callEmpty(
      String method, Consumer<io.grpc.stub.StreamObserver<Empty>> call) {
    return this.<Empty>call(method, call).thenApply(v -> null);
  }
}
