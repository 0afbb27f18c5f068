package io.eddy.runtime.rpc.grpc;

import io.eddy.runtime.gateway.JobMasterGateway;
import io.eddy.runtime.rpc.proto.AcknowledgeCheckpointRequest;
import io.eddy.runtime.rpc.proto.DeclineCheckpointRequest;
import io.eddy.runtime.rpc.proto.Empty;
import io.eddy.runtime.rpc.proto.JobMasterServiceGrpc;
import io.eddy.runtime.rpc.proto.NotifyEndOfInputRequest;
import io.eddy.runtime.rpc.proto.OfferCollectBatchRequest;
import io.eddy.runtime.rpc.proto.SendEventToCoordinatorRequest;
import io.eddy.runtime.rpc.proto.TaskExecutionState;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Serves the JobMasters of a JobManager over gRPC: each request names its job, and {@code
 * jobMasters} finds that job's {@link JobMasterGateway} (null: no such job, answered with {@code
 * NOT_FOUND}). Nothing received is passed to Java deserialization: failures arrive as text.
 */
public final class GrpcJobMasterService extends JobMasterServiceGrpc.JobMasterServiceImplBase {
  private final Function<String, JobMasterGateway> jobMasters;

  public GrpcJobMasterService(Function<String, JobMasterGateway> jobMasters) {
    this.jobMasters = jobMasters;
  }

  @Override
  public void updateTaskExecutionState(TaskExecutionState request, StreamObserver<Empty> observer) {
    withJobMaster(
        request.getJobId(),
        observer,
        jm ->
            GrpcCalls.replyEmpty(
                jm.updateTaskExecutionState(TaskStateCodec.fromProto(request)), observer));
  }

  @Override
  public void sendOperatorEventToCoordinator(
      SendEventToCoordinatorRequest request, StreamObserver<Empty> observer) {
    withJobMaster(
        request.getJobId(),
        observer,
        jm ->
            GrpcCalls.replyEmpty(
                jm.sendOperatorEventToCoordinator(
                    request.getAttemptId(),
                    request.getVertexIndex(),
                    EventCodec.fromProto(request.getEvent())),
                observer));
  }

  @Override
  public void offerCollectBatch(OfferCollectBatchRequest request, StreamObserver<Empty> observer) {
    withJobMaster(
        request.getJobId(),
        observer,
        jm ->
            GrpcCalls.replyEmpty(
                jm.offerCollectBatch(request.getCollectId(), request.getBatch().toByteArray()),
                observer));
  }

  @Override
  public void acknowledgeCheckpoint(
      AcknowledgeCheckpointRequest request, StreamObserver<Empty> observer) {
    withJobMaster(
        request.getJobId(),
        observer,
        jm ->
            GrpcCalls.replyEmpty(
                jm.acknowledgeCheckpoint(
                    request.getAttemptId(),
                    request.getCheckpointId(),
                    request.getStateFilesList().stream().map(EventCodec::fromProto).toList()),
                observer));
  }

  @Override
  public void declineCheckpoint(DeclineCheckpointRequest request, StreamObserver<Empty> observer) {
    withJobMaster(
        request.getJobId(),
        observer,
        jm ->
            GrpcCalls.replyEmpty(
                jm.declineCheckpoint(
                    request.getAttemptId(), request.getCheckpointId(), request.getReason()),
                observer));
  }

  @Override
  public void notifyEndOfInput(NotifyEndOfInputRequest request, StreamObserver<Empty> observer) {
    withJobMaster(
        request.getJobId(),
        observer,
        jm -> GrpcCalls.replyEmpty(jm.notifyEndOfInput(request.getAttemptId()), observer));
  }

  private void withJobMaster(
      String jobId, StreamObserver<Empty> observer, Consumer<JobMasterGateway> action) {
    GrpcCalls.handle(
        observer,
        () -> {
          JobMasterGateway jm = jobMasters.apply(jobId);
          if (jm == null) {
            observer.onError(
                Status.NOT_FOUND
                    .withDescription("No JobMaster for job " + jobId)
                    .asRuntimeException());
          } else {
            action.accept(jm);
          }
        });
  }
}
