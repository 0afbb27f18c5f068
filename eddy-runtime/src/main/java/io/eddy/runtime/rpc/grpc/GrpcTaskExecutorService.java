package io.eddy.runtime.rpc.grpc;

import io.eddy.runtime.gateway.JobMasterGateway;
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
import io.eddy.runtime.rpc.proto.TriggerCheckpointRequest;
import io.grpc.stub.StreamObserver;
import java.util.function.BiFunction;

/**
 * Serves a TaskManager's {@link TaskExecutorGateway} over gRPC: decodes each request and delegates.
 * A submitted task reaches its JobMaster through {@code jobMasters}, given the JobMaster's address
 * and the job id; it is handed to the TaskExecutor once its job's code is here ({@link
 * JobArtifacts}).
 */
public final class GrpcTaskExecutorService
    extends TaskExecutorServiceGrpc.TaskExecutorServiceImplBase {
  private final TaskExecutorGateway taskExecutor;
  private final BiFunction<String, String, JobMasterGateway> jobMasters;
  private final JobArtifacts artifacts;

  /** A service for a TaskManager that already has every job's code (it shares the JobManager's). */
  public GrpcTaskExecutorService(
      TaskExecutorGateway taskExecutor, BiFunction<String, String, JobMasterGateway> jobMasters) {
    this(taskExecutor, jobMasters, JobArtifacts.NONE);
  }

  /**
   * @param artifacts prepares a job's code (from the JobMaster's address and the job id) before its
   *     tasks are submitted; a failure fails the submission
   */
  public GrpcTaskExecutorService(
      TaskExecutorGateway taskExecutor,
      BiFunction<String, String, JobMasterGateway> jobMasters,
      JobArtifacts artifacts) {
    this.taskExecutor = taskExecutor;
    this.jobMasters = jobMasters;
    this.artifacts = artifacts;
  }

  @Override
  public void getLocation(Empty request, StreamObserver<LocationResponse> observer) {
    GrpcCalls.handle(
        observer,
        () -> {
          observer.onNext(
              LocationResponse.newBuilder().setLocation(taskExecutor.getLocation()).build());
          observer.onCompleted();
        });
  }

  @Override
  public void submitTask(SubmitTaskRequest request, StreamObserver<Empty> observer) {
    GrpcCalls.handle(
        observer,
        () -> {
          var tdd = DeploymentCodec.fromProto(request.getDeployment());
          JobMasterGateway jobMaster = jobMasters.apply(request.getJobMasterAddress(), tdd.jobId());
          GrpcCalls.replyEmpty(
              artifacts
                  .prepare(tdd.jobId(), request.getJobMasterAddress())
                  .thenCompose(ready -> taskExecutor.submitTask(tdd, jobMaster)),
              observer);
        });
  }

  @Override
  public void cancelTask(AttemptRequest request, StreamObserver<Empty> observer) {
    GrpcCalls.handle(
        observer,
        () -> GrpcCalls.replyEmpty(taskExecutor.cancelTask(request.getAttemptId()), observer));
  }

  @Override
  public void sendOperatorEvent(SendOperatorEventRequest request, StreamObserver<Empty> observer) {
    GrpcCalls.handle(
        observer,
        () ->
            GrpcCalls.replyEmpty(
                taskExecutor.sendOperatorEvent(
                    request.getAttemptId(), EventCodec.fromProto(request.getEvent())),
                observer));
  }

  @Override
  public void triggerCheckpoint(TriggerCheckpointRequest request, StreamObserver<Empty> observer) {
    GrpcCalls.handle(
        observer,
        () ->
            GrpcCalls.replyEmpty(
                taskExecutor.triggerCheckpoint(
                    request.getAttemptId(),
                    request.getCheckpointId(),
                    request.getTimestamp(),
                    EventCodec.fromProto(request.getType())),
                observer));
  }

  @Override
  public void notifyCheckpointComplete(
      NotifyCheckpointCompleteRequest request, StreamObserver<Empty> observer) {
    GrpcCalls.handle(
        observer,
        () ->
            GrpcCalls.replyEmpty(
                taskExecutor.notifyCheckpointComplete(
                    request.getAttemptId(),
                    request.getCheckpointId(),
                    request.getFinalCheckpoint()),
                observer));
  }

  @Override
  public void notifyCheckpointAborted(
      NotifyCheckpointAbortedRequest request, StreamObserver<Empty> observer) {
    GrpcCalls.handle(
        observer,
        () ->
            GrpcCalls.replyEmpty(
                taskExecutor.notifyCheckpointAborted(
                    request.getAttemptId(), request.getCheckpointId()),
                observer));
  }

  @Override
  public void alignmentTimedOut(AlignmentTimedOutRequest request, StreamObserver<Empty> observer) {
    GrpcCalls.handle(
        observer,
        () ->
            GrpcCalls.replyEmpty(
                taskExecutor.alignmentTimedOut(
                    request.getAttemptId(), request.getCheckpointId(), request.getTimestamp()),
                observer));
  }

  @Override
  public void releaseJob(ReleaseJobRequest request, StreamObserver<Empty> observer) {
    GrpcCalls.handle(
        observer,
        () -> GrpcCalls.replyEmpty(taskExecutor.releaseJob(request.getJobId()), observer));
  }

  @Override
  public void jobEnded(ReleaseJobRequest request, StreamObserver<Empty> observer) {
    GrpcCalls.handle(
        observer,
        () ->
            GrpcCalls.replyEmpty(
                taskExecutor
                    .jobEnded(request.getJobId())
                    .thenRun(() -> artifacts.release(request.getJobId())),
                observer));
  }
}
