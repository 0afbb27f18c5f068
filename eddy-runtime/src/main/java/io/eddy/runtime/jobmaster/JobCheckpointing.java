package io.eddy.runtime.jobmaster;

import io.eddy.api.JobStatus;
import io.eddy.core.execution.CheckpointingOptions;
import io.eddy.runtime.checkpoint.CheckpointCoordinator;
import io.eddy.runtime.checkpoint.CheckpointParticipants;
import io.eddy.runtime.gateway.CheckpointStats;
import io.eddy.runtime.gateway.ExecutionState;
import io.eddy.runtime.graph.JobGraph;
import io.eddy.runtime.ha.CheckpointIdCounter;
import io.eddy.runtime.ha.HighAvailabilityServices;
import io.eddy.runtime.scheduler.ExecutionGraph;
import io.eddy.runtime.scheduler.ExecutionVertex;
import io.eddy.runtime.snapshot.SnapshotType;
import io.eddy.runtime.snapshot.StateFileHandle;
import io.eddy.runtime.storage.CheckpointStorage;
import io.eddy.runtime.storage.CheckpointStorages;
import io.eddy.runtime.time.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's checkpointing as the JobMaster runs it: creates the {@link CheckpointCoordinator} when
 * the job starts (if the job takes checkpoints), routes the subtasks' acknowledgements, declines
 * and ends of input to it, triggers checkpoints and savepoints on request, and ends the job after a
 * stop-with-savepoint. It is also the coordinator's view of the job ({@link
 * CheckpointParticipants}). JobMaster main thread only.
 */
public final class JobCheckpointing {
  private static final Logger LOG = LoggerFactory.getLogger(JobCheckpointing.class);

  /** What checkpointing needs of the job; every method runs on the JobMaster's main thread. */
  public interface Job {
    JobGraph jobGraph();

    ExecutionGraph executionGraph();

    JobStatus status();

    /** Whether some regions restart while the rest of the job runs. */
    boolean regionsRestarting();

    /** The stop-with-savepoint's savepoint completed: the job's tasks end and it finishes. */
    void finishAfterSavepoint();

    /** A failure that is not a subtask's: restarts or fails the job. */
    void failJob(String where, Throwable cause);

    void runAsync(Runnable action);

    <T> CompletableFuture<T> callAsync(Supplier<T> action);
  }

  private final Job job;
  private final Clock clock;
  private final HighAvailabilityServices ha;
  private CheckpointCoordinator coordinator;
  private CheckpointIdCounter ids;

  JobCheckpointing(Job job, Clock clock, HighAvailabilityServices ha) {
    this.job = job;
    this.clock = clock;
    this.ha = ha;
  }

  /**
   * Creates the checkpoint coordinator if the job takes checkpoints.
   *
   * @param operators the job's operators (a live list: it changes when the job is rescaled)
   * @param firstCheckpointId the id of the first checkpoint
   */
  public void create(List<CheckpointParticipants.OperatorInfo> operators, long firstCheckpointId) {
    JobGraph jobGraph = job.jobGraph();
    CheckpointingOptions options = jobGraph.config().checkpointing();
    if (!options.enabled()) {
      return;
    }
    String root =
        options.storageDirectory() != null
            ? options.storageDirectory()
            : CheckpointStorages.defaultRoot();
    CheckpointStorage storage;
    try {
      storage = CheckpointStorages.storage(root, jobGraph.jobId());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot open the checkpoint storage " + root + ": " + e.getMessage(), e);
    }
    coordinator =
        new CheckpointCoordinator(
            jobGraph.jobName(),
            options,
            storage,
            new Participants(operators),
            ids = ha.checkpointIdCounter(jobGraph.jobId(), firstCheckpointId),
            ha.completedCheckpoints(jobGraph.jobId()),
            clock);
  }

  /** Raises the checkpoint ids to at least {@code next} (above a restored checkpoint's). */
  void checkpointIdsFrom(long next) {
    if (coordinator != null) {
      ids.setAtLeast(next);
    }
  }

  /** The checkpoint coordinator, or null if the job takes no checkpoints. */
  public CheckpointCoordinator coordinator() {
    return coordinator;
  }

  /** Where the tasks write checkpoints, or null if the job takes none. */
  String storageRoot() {
    return coordinator == null ? null : coordinator.storage().rootLocation();
  }

  /** The job (re)started running: periodic checkpoints start. */
  public void jobRunning() {
    if (coordinator != null) {
      coordinator.startPeriodic();
    }
  }

  /** The job fails or restarts: checkpoints stop, those in progress are abandoned. */
  public void stop(String reason) {
    if (coordinator != null) {
      coordinator.stopPeriodic();
      coordinator.abortAll(reason);
    }
  }

  /** The job ended with {@code finalStatus}. */
  public void shutdown(JobStatus finalStatus) {
    if (coordinator != null) {
      coordinator.shutdown(finalStatus);
    }
  }

  /** Triggers a checkpoint now; completes with its id. */
  CompletableFuture<Long> triggerCheckpoint() {
    if (coordinator == null) {
      throw new IllegalStateException(
          "Job '" + job.jobGraph().jobName() + "' takes no checkpoints.");
    }
    return coordinator.trigger(SnapshotType.CHECKPOINT, false);
  }

  /** Takes a savepoint into {@code targetDirectory}; completes with its path. */
  public CompletableFuture<String> triggerSavepoint(String targetDirectory) {
    requireSavepointsPossible();
    return coordinator.triggerSavepoint(targetDirectory, SnapshotType.SAVEPOINT);
  }

  /**
   * Stops the job with a savepoint: sources emit nothing after its barrier (with {@code drain},
   * they first end event time), and when it completed the job ends as FINISHED. If it fails, the
   * job resumes from its latest checkpoint or fails, as the restart strategy says. Completes with
   * the savepoint's path.
   */
  public CompletableFuture<String> stopWithSavepoint(String targetDirectory, boolean drain) {
    requireSavepointsPossible();
    return coordinator
        .triggerSavepoint(
            targetDirectory, drain ? SnapshotType.SAVEPOINT_DRAIN : SnapshotType.SAVEPOINT_STOP)
        .whenComplete(
            (path, error) -> {
              if (error != null) {
                // The sources stopped at the barrier: resume the job from its latest
                // checkpoint (or fail it, as the restart strategy says).
                job.runAsync(
                    () -> job.failJob("stop-with-savepoint", RestartController.unwrap(error)));
              }
            })
        .thenCompose(
            path ->
                job.callAsync(
                    () -> {
                      LOG.info("Job {} stops after savepoint {}", job.jobGraph().jobName(), path);
                      coordinator.stopPeriodic();
                      job.finishAfterSavepoint();
                      return path;
                    }));
  }

  private void requireSavepointsPossible() {
    String jobName = job.jobGraph().jobName();
    if (coordinator == null) {
      throw new IllegalStateException(
          "Job '" + jobName + "' takes no checkpoints: enable checkpointing to take savepoints.");
    }
    if (job.status() != JobStatus.RUNNING) {
      throw new IllegalStateException(
          "Job '" + jobName + "' is " + job.status() + ", not running.");
    }
    if (job.regionsRestarting()) {
      throw new IllegalStateException(
          "Job '" + jobName + "' is restarting some of its subtasks; try again.");
    }
  }

  public void acknowledge(String attemptId, long checkpointId, List<StateFileHandle> stateFiles) {
    if (coordinator != null) {
      coordinator.acknowledge(attemptId, checkpointId, stateFiles);
    }
  }

  public void decline(String attemptId, long checkpointId, String reason) {
    if (coordinator != null) {
      coordinator.decline(attemptId, checkpointId, reason);
    }
  }

  public void endOfInput(String attemptId) {
    if (coordinator != null && job.executionGraph().getByAttempt(attemptId) != null) {
      coordinator.onEndOfInput(attemptId);
    }
  }

  /** The job's checkpoint history (empty if it takes no checkpoints). */
  CheckpointStats stats() {
    return coordinator == null ? new CheckpointStats(0, 0, List.of()) : coordinator.stats();
  }

  /** The job as the checkpoint coordinator sees it. */
  private final class Participants implements CheckpointParticipants {
    private final List<OperatorInfo> operators;

    Participants(List<OperatorInfo> operators) {
      this.operators = operators;
    }

    @Override
    public List<Subtask> runningSubtasks() {
      if (job.status() != JobStatus.RUNNING) {
        return null;
      }
      JobGraph jobGraph = job.jobGraph();
      List<Subtask> subtasks = new ArrayList<>();
      for (ExecutionVertex ev : job.executionGraph().all()) {
        if (ev.getState() != ExecutionState.RUNNING) {
          return null;
        }
        subtasks.add(
            new Subtask(
                ev.getAttemptId(),
                new TaskManagerCheckpointTrigger(ev.getSlot().taskManager()),
                !jobGraph.inputsOf(ev.getVertexIndex()).isEmpty()));
      }
      return subtasks;
    }

    @Override
    public List<OperatorInfo> operators() {
      return operators;
    }

    @Override
    public void runOnMainThread(Runnable action) {
      job.runAsync(action);
    }

    @Override
    public void failJob(Throwable cause) {
      job.failJob("checkpointing", cause);
    }
  }
}
