package io.eddy.runtime.rpc.grpc;

import com.google.protobuf.ByteString;
import io.eddy.runtime.gateway.JobMasterGateway;
import io.eddy.runtime.gateway.OperatorEvent;
import io.eddy.runtime.gateway.TaskExecutionState;
import io.eddy.runtime.rpc.proto.AcknowledgeCheckpointRequest;
import io.eddy.runtime.rpc.proto.DeclineCheckpointRequest;
import io.eddy.runtime.rpc.proto.Empty;
import io.eddy.runtime.rpc.proto.JobMasterServiceGrpc;
import io.eddy.runtime.rpc.proto.JobMasterServiceGrpc.JobMasterServiceStub;
import io.eddy.runtime.rpc.proto.NotifyEndOfInputRequest;
import io.eddy.runtime.rpc.proto.OfferCollectBatchRequest;
import io.eddy.runtime.rpc.proto.SendEventToCoordinatorRequest;
import io.eddy.runtime.snapshot.StateFileHandle;
import io.grpc.Channel;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A {@link JobMasterGateway} for one job, reached over gRPC: every request carries the job id, by
 * which the JobManager's service finds the JobMaster. Each call has {@code deadline}, except {@link
 * #offerCollectBatch}, which completes only when the client has room (backpressure) and so has
 * {@code collectDeadline}.
 */
public final class GrpcJobMasterClient implements JobMasterGateway {
  private final JobMasterServiceStub stub;
  private final String target;
  private final String jobId;
  private final Duration deadline;
  private final Duration collectDeadline;

  public GrpcJobMasterClient(
      Channel channel, String target, String jobId, Duration deadline, Duration collectDeadline) {
    this.stub = JobMasterServiceGrpc.newStub(channel);
    this.target = target;
    this.jobId = jobId;
    this.deadline = deadline;
    this.collectDeadline = collectDeadline;
  }

  @Override
  public CompletableFuture<Void> updateTaskExecutionState(TaskExecutionState state) {
    var request = TaskStateCodec.toProto(state);
    return call(
        "updateTaskExecutionState",
        deadline,
        o -> stub(deadline).updateTaskExecutionState(request, o));
  }

  @Override
  public CompletableFuture<Void> sendOperatorEventToCoordinator(
      String attemptId, int vertexIndex, OperatorEvent event) {
    var request =
        SendEventToCoordinatorRequest.newBuilder()
            .setJobId(jobId)
            .setAttemptId(attemptId)
            .setVertexIndex(vertexIndex)
            .setEvent(EventCodec.toProto(event))
            .build();
    return call(
        "sendOperatorEventToCoordinator",
        deadline,
        o -> stub(deadline).sendOperatorEventToCoordinator(request, o));
  }

  @Override
  public CompletableFuture<Void> offerCollectBatch(String collectId, byte[] batch) {
    var request =
        OfferCollectBatchRequest.newBuilder()
            .setJobId(jobId)
            .setCollectId(collectId)
            .setBatch(ByteString.copyFrom(batch))
            .build();
    return call(
        "offerCollectBatch",
        collectDeadline,
        o -> stub(collectDeadline).offerCollectBatch(request, o));
  }

  @Override
  public CompletableFuture<Void> acknowledgeCheckpoint(
      String attemptId, long checkpointId, List<StateFileHandle> stateFiles) {
    var request =
        AcknowledgeCheckpointRequest.newBuilder()
            .setJobId(jobId)
            .setAttemptId(attemptId)
            .setCheckpointId(checkpointId);
    stateFiles.forEach(f -> request.addStateFiles(EventCodec.toProto(f)));
    return call(
        "acknowledgeCheckpoint",
        deadline,
        o -> stub(deadline).acknowledgeCheckpoint(request.build(), o));
  }

  @Override
  public CompletableFuture<Void> declineCheckpoint(
      String attemptId, long checkpointId, String reason) {
    var request =
        DeclineCheckpointRequest.newBuilder()
            .setJobId(jobId)
            .setAttemptId(attemptId)
            .setCheckpointId(checkpointId)
            .setReason(reason == null ? "" : reason)
            .build();
    return call("declineCheckpoint", deadline, o -> stub(deadline).declineCheckpoint(request, o));
  }

  @Override
  public CompletableFuture<Void> notifyEndOfInput(String attemptId) {
    var request =
        NotifyEndOfInputRequest.newBuilder().setJobId(jobId).setAttemptId(attemptId).build();
    return call("notifyEndOfInput", deadline, o -> stub(deadline).notifyEndOfInput(request, o));
  }

  @Override
  public String toString() {
    return "JobMaster[" + jobId + "]@" + target;
  }

  private JobMasterServiceStub stub(Duration d) {
    return stub.withDeadlineAfter(d.toMillis(), TimeUnit.MILLISECONDS);
  }

  private CompletableFuture<Void> call(
      String method, Duration d, Consumer<StreamObserver<Empty>> call) {
    return GrpcCalls.call("JobMaster." + method, target, d, call).thenApply(v -> null);
  }
}
