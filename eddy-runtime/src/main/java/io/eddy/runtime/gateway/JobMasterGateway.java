package io.eddy.runtime.gateway;

import io.eddy.runtime.snapshot.StateFileHandle;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** How tasks talk to the JobMaster of their job. */
public interface JobMasterGateway {
  CompletableFuture<Void> updateTaskExecutionState(TaskExecutionState state);

  /** An event from a source reader to its coordinator. */
  CompletableFuture<Void> sendOperatorEventToCoordinator(
      String attemptId, int vertexIndex, OperatorEvent event);

  /**
   * A batch of serialized records from a collect sink. Completes when the client has room for more,
   * which backpressures the sink.
   */
  CompletableFuture<Void> offerCollectBatch(String collectId, byte[] batch);

  /** A subtask wrote its state for checkpoint {@code checkpointId}: these files. */
  CompletableFuture<Void> acknowledgeCheckpoint(
      String attemptId, long checkpointId, List<StateFileHandle> stateFiles);

  /** A subtask could not take its part of checkpoint {@code checkpointId}. */
  CompletableFuture<Void> declineCheckpoint(String attemptId, long checkpointId, String reason);

  /**
   * A subtask of a checkpointed job reached the end of its input and waits for the final checkpoint
   * before it finishes (so that what it committed is covered by a checkpoint).
   */
  CompletableFuture<Void> notifyEndOfInput(String attemptId);
}
