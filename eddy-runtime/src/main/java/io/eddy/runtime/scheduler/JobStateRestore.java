package io.eddy.runtime.scheduler;

import io.eddy.core.execution.SavepointRestoreSettings;
import io.eddy.runtime.checkpoint.CheckpointParticipants;
import io.eddy.runtime.checkpoint.StateAssignment;
import io.eddy.runtime.graph.JobGraph;
import io.eddy.runtime.graph.JobVertex;
import io.eddy.runtime.ha.CompletedCheckpointPointers;
import io.eddy.runtime.snapshot.ChannelState;
import io.eddy.runtime.snapshot.RestoredState;
import io.eddy.runtime.storage.CheckpointMetadata;
import io.eddy.runtime.storage.CheckpointStorage;
import io.eddy.runtime.storage.CheckpointStorages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which state the next attempts of a job restore: the savepoint or retained checkpoint it was
 * started from, or after a failure its latest readable completed checkpoint (falling back to the
 * former). Hands each subtask and source coordinator its part. JobMaster thread only.
 */
public final class JobStateRestore {
  private static final Logger LOG = LoggerFactory.getLogger(JobStateRestore.class);

  private JobGraph jobGraph;
  private final Map<Integer, List<String>> operatorIds;
  private final List<CheckpointParticipants.OperatorInfo> operators;
  private StateAssignment current;
  private CompletedCheckpointPointers pointers = CompletedCheckpointPointers.NONE;

  /**
   * @param operatorIds per job vertex, the ids of its chain's operators
   * @param operators every operator of the job
   */
  public JobStateRestore(
      JobGraph jobGraph,
      Map<Integer, List<String>> operatorIds,
      List<CheckpointParticipants.OperatorInfo> operators) {
    this.jobGraph = jobGraph;
    this.operatorIds = operatorIds;
    this.operators = operators;
  }

  /**
   * With high availability, the job's completed checkpoints are those {@code pointers} recorded:
   * restores read the latest of them, not the storage's listing (which may hold a checkpoint a
   * deposed leader wrote but could not record).
   */
  public void usePointers(CompletedCheckpointPointers pointers) {
    this.pointers = pointers;
  }

  /** Restores the savepoint the job was asked to start from, if any (checked first). */
  public void useInitialSnapshot() {
    current = initialSnapshot();
  }

  /**
   * Restores the newest readable completed checkpoint in {@code storage} (null: the job takes
   * none), else the initial snapshot.
   *
   * @throws IllegalStateException if there are completed checkpoints but none is readable: starting
   *     over would repeat output that they committed
   */
  public void useLatestCheckpoint(CheckpointStorage storage) {
    if (storage != null && pointers.isAuthoritative()) {
      var pointer = pointers.latest();
      if (pointer.isPresent()) {
        String location = pointer.get().location();
        try {
          LOG.info(
              "Job {} restores checkpoint {} at {}",
              jobGraph.jobName(),
              pointer.get().checkpointId(),
              location);
          current = new StateAssignment(CheckpointStorages.readMetadata(location), location);
          return;
        } catch (IOException e) {
          throw new IllegalStateException(
              "Cannot restore job '"
                  + jobGraph.jobName()
                  + "' from its latest completed checkpoint "
                  + location
                  + ": "
                  + e.getMessage(),
              e);
        }
      }
      current = initialSnapshot();
      return;
    }
    if (storage != null) {
      try {
        var latest = storage.latestRestorable();
        if (latest.isEmpty() && !storage.listCompleted().isEmpty()) {
          throw new IllegalStateException(
              "Cannot restart job '"
                  + jobGraph.jobName()
                  + "': no completed checkpoint in "
                  + storage.jobLocation()
                  + " has readable metadata (see the warnings above).");
        }
        if (latest.isPresent()) {
          LOG.info(
              "Job {} restores checkpoint {}",
              jobGraph.jobName(),
              latest.get().checkpoint().checkpointId());
          current =
              new StateAssignment(latest.get().metadata(), latest.get().checkpoint().location());
          return;
        }
      } catch (IOException e) {
        throw new IllegalStateException(
            "Cannot read the checkpoints of job '" + jobGraph.jobName() + "': " + e.getMessage(),
            e);
      }
    }
    current = initialSnapshot();
  }

  /** The job now runs as {@code rescaled} (the same vertices at lower parallelism). */
  public void jobRescaled(JobGraph rescaled) {
    this.jobGraph = rescaled;
  }

  /**
   * Whether the snapshot a restart would restore (see {@link #useLatestCheckpoint}) can be restored
   * at another parallelism: it holds no in-flight data of an unaligned checkpoint (nor is it
   * unreadable).
   */
  public boolean latestRestorableRescaled(CheckpointStorage storage) {
    try {
      CheckpointMetadata metadata = null;
      if (storage != null) {
        var latest = storage.latestRestorable();
        if (latest.isEmpty() && !storage.listCompleted().isEmpty()) {
          return false; // the restart fails anyway
        }
        metadata = latest.map(c -> c.metadata()).orElse(null);
      }
      SavepointRestoreSettings settings = jobGraph.config().savepointRestore();
      if (metadata == null && settings.restoreSavepoint()) {
        metadata = CheckpointStorages.readMetadata(settings.path());
      }
      return metadata == null
          || metadata.stateFiles().stream().noneMatch(f -> ChannelState.isStateId(f.operatorId()));
    } catch (IOException | RuntimeException e) {
      LOG.warn("Job {} cannot read its latest checkpoint: {}", jobGraph.jobName(), e.toString());
      return false;
    }
  }

  /** The id for the job's first checkpoint: above the restored one's. */
  public long firstCheckpointId() {
    return current == null ? 1 : current.metadata().checkpointId() + 1;
  }

  /** Per operator of {@code ev}'s chain, the state it restores (empty: a fresh start). */
  public List<RestoredState> restoredStates(ExecutionVertex ev) {
    if (current == null) {
      return List.of();
    }
    JobVertex v = jobGraph.vertices().get(ev.getVertexIndex());
    List<RestoredState> states = new ArrayList<>();
    for (String operatorId : operatorIds.get(v.index())) {
      states.add(
          current.forSubtask(
              operatorId, ev.getSubtaskIndex(), v.parallelism(), v.maxParallelism()));
    }
    return states;
  }

  /** The in-flight data {@code ev} restores (unaligned checkpoints), or null. */
  public String channelStateFile(ExecutionVertex ev) {
    if (current == null) {
      return null;
    }
    JobVertex v = jobGraph.vertices().get(ev.getVertexIndex());
    return current.channelStateFile(
        operatorIds.get(v.index()).get(0), ev.getSubtaskIndex(), v.parallelism());
  }

  /** The state of the coordinator of source vertex {@code vertexIndex}, or null. */
  public byte[] coordinatorState(int vertexIndex) {
    return current == null ? null : current.coordinatorState(operatorIds.get(vertexIndex).get(0));
  }

  /** The savepoint or retained checkpoint the job was asked to start from, checked; or null. */
  private StateAssignment initialSnapshot() {
    SavepointRestoreSettings settings = jobGraph.config().savepointRestore();
    if (!settings.restoreSavepoint()) {
      return null;
    }
    String dir = CheckpointStorages.absolute(settings.path());
    CheckpointMetadata metadata;
    try {
      metadata = CheckpointStorages.readMetadata(dir);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot start job '" + jobGraph.jobName() + "' from " + dir + ": " + e.getMessage(), e);
    }
    StateAssignment assignment = new StateAssignment(metadata, dir);
    assignment.check(operators, settings.allowNonRestoredState());
    List<String> generated =
        operators.stream()
            .map(CheckpointParticipants.OperatorInfo::operatorId)
            .filter(id -> id.startsWith("auto-"))
            .toList();
    if (!generated.isEmpty()) {
      LOG.warn(
          "Job {} restores {} operators without a uid by generated ids {}: their state is found only"
              + " if the program's operators are unchanged. Set uid(...) on stateful operators.",
          jobGraph.jobName(),
          generated.size(),
          generated);
    }
    LOG.info("Job {} starts from the snapshot {}", jobGraph.jobName(), dir);
    return assignment;
  }
}
