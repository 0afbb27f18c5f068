package io.eddy.runtime.cluster;

import io.eddy.runtime.gateway.JobMasterGateway;
import io.eddy.runtime.gateway.TaskDeploymentDescriptor;
import io.eddy.runtime.snapshot.StateFileHandle;
import io.eddy.runtime.task.CheckpointResponder;
import io.eddy.runtime.task.TaskControlPorts;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The control-plane ports of one subtask attempt over its job's {@link JobMasterGateway}: the only
 * place where a task's calls meet the gateway. Each call is bound to the attempt (and, for operator
 * events, to its vertex); the futures are the gateway's.
 */
final class JobMasterTaskPorts {
  private JobMasterTaskPorts() {}

  static TaskControlPorts forAttempt(JobMasterGateway jobMaster, TaskDeploymentDescriptor tdd) {
    String attemptId = tdd.attemptId();
    int vertexIndex = tdd.vertexIndex();
    return new TaskControlPorts(
        jobMaster::updateTaskExecutionState,
        new Checkpoints(jobMaster, attemptId),
        event -> jobMaster.sendOperatorEventToCoordinator(attemptId, vertexIndex, event),
        jobMaster::offerCollectBatch);
  }

  private record Checkpoints(JobMasterGateway jobMaster, String attemptId)
      implements CheckpointResponder {
    @Override
    public CompletableFuture<Void> acknowledgeCheckpoint(
        long checkpointId, List<StateFileHandle> stateFiles) {
      return jobMaster.acknowledgeCheckpoint(attemptId, checkpointId, stateFiles);
    }

    @Override
    public CompletableFuture<Void> declineCheckpoint(long checkpointId, String reason) {
      return jobMaster.declineCheckpoint(attemptId, checkpointId, reason);
    }

    @Override
    public CompletableFuture<Void> reportEndOfInput() {
      return jobMaster.notifyEndOfInput(attemptId);
    }
  }
}
