package io.eddy.runtime.scheduler;

import io.eddy.runtime.checkpoint.CheckpointParticipants;
import io.eddy.runtime.graph.JobVertex;
import io.eddy.runtime.graph.SourceSpec;
import io.eddy.runtime.source.OperatorEvent;
import io.eddy.runtime.source.SourceCoordinator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source coordinators of a job, one per source vertex, made anew for every (re)start of the job
 * (restored from the checkpoint's enumerator state when there is one). JobMaster thread.
 */
final class SourceCoordinators {
  private static final Logger LOG = LoggerFactory.getLogger(SourceCoordinators.class);

  /** Sends a coordinator's event to subtask {@code subtask} of a vertex. */
  interface EventSender {
    void send(int vertexIndex, int subtask, OperatorEvent event);
  }

  private final Map<Integer, SourceCoordinator<?, ?>> byVertex = new HashMap<>();

  /**
   * Creates a coordinator for each source vertex and starts it; completes when all started.
   *
   * @param sources the job's source vertices with their source specs
   * @param restoredState per vertex index, the enumerator state to restore, or null
   * @param sender delivers events to subtasks (must run on the JobMaster thread, see
   *     SourceCoordinator)
   * @param onFailure called with the vertex and error when an enumerator fails
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  CompletableFuture<Void> start(
      Map<JobVertex, SourceSpec<?>> sources,
      IntFunction<byte[]> restoredState,
      EventSender sender,
      BiConsumer<JobVertex, Throwable> onFailure) {
    closeAll();
    List<CompletableFuture<Void>> started = new ArrayList<>();
    sources.forEach(
        (v, spec) -> {
          int vertexIndex = v.index();
          SourceCoordinator coordinator =
              new SourceCoordinator(
                  v.operatorNames().get(0),
                  spec.source(),
                  v.parallelism(),
                  (subtask, event) ->
                      sender.send(vertexIndex, (Integer) subtask, (OperatorEvent) event),
                  error -> onFailure.accept(v, (Throwable) error));
          byVertex.put(vertexIndex, coordinator);
          started.add(coordinator.start(restoredState.apply(vertexIndex)));
        });
    return CompletableFuture.allOf(started.toArray(CompletableFuture[]::new));
  }

  /** The coordinator of a source vertex, or null. */
  SourceCoordinator<?, ?> get(int vertexIndex) {
    return byVertex.get(vertexIndex);
  }

  /** The checkpoint hooks of a source vertex's current coordinator (new after each restart). */
  CheckpointParticipants.CoordinatorCheckpoints checkpointsOf(int vertexIndex) {
    return new CheckpointParticipants.CoordinatorCheckpoints() {
      @Override
      public CompletableFuture<byte[]> snapshotState(long checkpointId) {
        return byVertex.get(vertexIndex).snapshotState(checkpointId);
      }

      @Override
      public void notifyCheckpointComplete(long checkpointId) {
        byVertex.get(vertexIndex).notifyCheckpointComplete(checkpointId);
      }
    };
  }

  void closeAll() {
    for (SourceCoordinator<?, ?> c : byVertex.values()) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("Closing a source coordinator failed", e);
      }
    }
    byVertex.clear();
  }
}
