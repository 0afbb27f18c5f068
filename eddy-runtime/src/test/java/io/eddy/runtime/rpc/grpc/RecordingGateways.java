package io.eddy.runtime.rpc.grpc;

import io.eddy.runtime.gateway.JobMasterGateway;
import io.eddy.runtime.gateway.OperatorEvent;
import io.eddy.runtime.gateway.TaskDeploymentDescriptor;
import io.eddy.runtime.gateway.TaskExecutionState;
import io.eddy.runtime.gateway.TaskExecutorGateway;
import io.eddy.runtime.snapshot.SnapshotType;
import io.eddy.runtime.snapshot.StateFileHandle;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** Gateway doubles that record each call (method and arguments) and answer with {@link #answer}. */
final class RecordingGateways {
  private RecordingGateways() {}

  /** One recorded call. */
  record Call(String method, List<Object> args) {}

  abstract static class Recorder {
    final List<Call> calls = new CopyOnWriteArrayList<>();
    volatile Supplier<CompletableFuture<Void>> answer =
        () -> CompletableFuture.completedFuture(null);

    CompletableFuture<Void> record(String method, Object... args) {
      calls.add(new Call(method, Arrays.asList(args)));
      return answer.get();
    }

    Call last() {
      return calls.get(calls.size() - 1);
    }
  }

  static final class TestingTaskExecutorGateway extends Recorder implements TaskExecutorGateway {
    @Override
    public String getLocation() {
      return "tm-host:6121";
    }

    @Override
    public CompletableFuture<Void> submitTask(TaskDeploymentDescriptor tdd, JobMasterGateway jm) {
      return record("submitTask", tdd, jm);
    }

    @Override
    public CompletableFuture<Void> cancelTask(String attemptId) {
      return record("cancelTask", attemptId);
    }

    @Override
    public CompletableFuture<Void> sendOperatorEvent(String attemptId, OperatorEvent event) {
      return record("sendOperatorEvent", attemptId, event);
    }

    @Override
    public CompletableFuture<Void> triggerCheckpoint(
        String attemptId, long checkpointId, long timestamp, SnapshotType type) {
      return record("triggerCheckpoint", attemptId, checkpointId, timestamp, type);
    }

    @Override
    public CompletableFuture<Void> notifyCheckpointComplete(
        String attemptId, long checkpointId, boolean finalCheckpoint) {
      return record("notifyCheckpointComplete", attemptId, checkpointId, finalCheckpoint);
    }

    @Override
    public CompletableFuture<Void> notifyCheckpointAborted(String attemptId, long checkpointId) {
      return record("notifyCheckpointAborted", attemptId, checkpointId);
    }

    @Override
    public CompletableFuture<Void> alignmentTimedOut(
        String attemptId, long checkpointId, long timestamp) {
      return record("alignmentTimedOut", attemptId, checkpointId, timestamp);
    }

    @Override
    public CompletableFuture<Void> releaseJob(String jobId) {
      return record("releaseJob", jobId);
    }

    @Override
    public CompletableFuture<Void> jobEnded(String jobId) {
      return record("jobEnded", jobId);
    }
  }

  static final class TestingJobMasterGateway extends Recorder implements JobMasterGateway {
    @Override
    public CompletableFuture<Void> updateTaskExecutionState(TaskExecutionState state) {
      return record("updateTaskExecutionState", state);
    }

    @Override
    public CompletableFuture<Void> sendOperatorEventToCoordinator(
        String attemptId, int vertexIndex, OperatorEvent event) {
      return record("sendOperatorEventToCoordinator", attemptId, vertexIndex, event);
    }

    @Override
    public CompletableFuture<Void> offerCollectBatch(String collectId, byte[] batch) {
      return record("offerCollectBatch", collectId, batch);
    }

    @Override
    public CompletableFuture<Void> acknowledgeCheckpoint(
        String attemptId, long checkpointId, List<StateFileHandle> stateFiles) {
      return record("acknowledgeCheckpoint", attemptId, checkpointId, stateFiles);
    }

    @Override
    public CompletableFuture<Void> declineCheckpoint(
        String attemptId, long checkpointId, String reason) {
      return record("declineCheckpoint", attemptId, checkpointId, reason);
    }

    @Override
    public CompletableFuture<Void> notifyEndOfInput(String attemptId) {
      return record("notifyEndOfInput", attemptId);
    }
  }
}
