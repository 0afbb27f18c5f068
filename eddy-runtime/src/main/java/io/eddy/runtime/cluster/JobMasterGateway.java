package io.eddy.runtime.cluster;

import io.eddy.runtime.source.OperatorEvent;
import io.eddy.runtime.task.TaskExecutionState;
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
}
