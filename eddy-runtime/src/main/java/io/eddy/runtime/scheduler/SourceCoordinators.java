package io.eddy.runtime.scheduler;

import io.eddy.runtime.checkpoint.CheckpointParticipants;
import io.eddy.runtime.gateway.OperatorEvent;
import io.eddy.runtime.graph.JobVertex;
import io.eddy.runtime.graph.SourceSpec;
import io.eddy.runtime.source.SourceCoordinator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source coordinators of a job, one per source vertex, made anew for every (re)start of the
 * whole job (restored from the checkpoint's enumerator state when there is one); a restart of some
 * pipelined regions keeps them and resets the restarted readers. JobMaster thread.
 */
public final class SourceCoordinators {
  private static final Logger LOG = LoggerFactory.getLogger(SourceCoordinators.class);

  /** Sends a coordinator's event to subtask {@code subtask} of a vertex. */
  public interface EventSender {
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
  public CompletableFuture<Void> start(
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
  public SourceCoordinator<?, ?> get(int vertexIndex) {
    return byVertex.get(vertexIndex);
  }

  /** The checkpoint hooks of a source vertex's current coordinator (new after each restart). */
  public CheckpointParticipants.CoordinatorCheckpoints checkpointsOf(int vertexIndex) {
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

  /**
   * The readers among {@code subtasks} failed and restart alone; completes when their coordinators
   * send them nothing more (see {@link SourceCoordinator#subtaskFailed}).
   */
  public CompletableFuture<Void> readersFailed(Collection<PipelinedRegions.SubtaskId> subtasks) {
    return forReaders(subtasks, SourceCoordinator::subtaskFailed);
  }

  /**
   * The readers among {@code subtasks} restart: what was assigned to them after the latest
   * completed checkpoint goes back to their enumerators (see {@link
   * SourceCoordinator#resetSubtask}).
   */
  public CompletableFuture<Void> resetReaders(Collection<PipelinedRegions.SubtaskId> subtasks) {
    return forReaders(subtasks, SourceCoordinator::resetSubtask);
  }

  private CompletableFuture<Void> forReaders(
      Collection<PipelinedRegions.SubtaskId> subtasks,
      BiFunction<SourceCoordinator<?, ?>, Integer, CompletableFuture<Void>> action) {
    List<CompletableFuture<Void>> done = new ArrayList<>();
    for (PipelinedRegions.SubtaskId id : subtasks) {
      SourceCoordinator<?, ?> coordinator = byVertex.get(id.vertex());
      if (coordinator != null) {
        done.add(action.apply(coordinator, id.subtask()));
      }
    }
    return CompletableFuture.allOf(done.toArray(CompletableFuture[]::new));
  }

  public void closeAll() {
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
