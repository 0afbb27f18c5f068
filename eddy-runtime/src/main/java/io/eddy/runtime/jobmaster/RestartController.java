package io.eddy.runtime.jobmaster;

import io.eddy.api.JobStatus;
import io.eddy.runtime.checkpoint.CheckpointCoordinator;
import io.eddy.runtime.gateway.ExecutionState;
import io.eddy.runtime.gateway.Slot;
import io.eddy.runtime.gateway.TaskExecutorGateway;
import io.eddy.runtime.graph.JobGraph;
import io.eddy.runtime.scheduler.ExecutionGraph;
import io.eddy.runtime.scheduler.ExecutionVertex;
import io.eddy.runtime.scheduler.JobStateRestore;
import io.eddy.runtime.scheduler.ParallelismCap;
import io.eddy.runtime.scheduler.PipelinedRegions;
import io.eddy.runtime.scheduler.SlotProvider;
import io.eddy.runtime.scheduler.SourceCoordinators;
import io.eddy.runtime.scheduler.restart.RestartBackoffTimeStrategy;
import io.eddy.runtime.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts a job after failures as far as its restart strategy allows: only the pipelined regions
 * of the failed subtasks (see {@link PipelinedRegions}) when they are not the whole job, else the
 * whole job. Each restart counts with the strategy, waits until the old attempts ended and for the
 * strategy's backoff, takes slots (fresh ones from the ResourceManager for subtasks whose
 * TaskManager was lost, so their work moves to the survivors), and restores the latest completed
 * checkpoint. JobMaster thread only.
 *
 * <pre>
 * whole job:  failure ─▶ RESTARTING, every subtask cancelled ─▶ all ended ─▶ backoff ─▶ all slots
 *             anew (too few: the parallelism lowered to the free slots) ─▶ restore ─▶ new source coordinators ─▶ deploy all ─▶ RUNNING
 * regions:    failure ─▶ (the job stays RUNNING) checkpoints in progress aborted, the regions'
 *             subtasks cancelled, their readers marked failed at the coordinators ─▶ all ended ─▶
 *             backoff ─▶ slots for those whose TaskManager was lost ─▶ restore ─▶ splits assigned
 *             after the checkpoint back to the enumerators ─▶ deploy the regions' subtasks
 * </pre>
 *
 * <p>A failure restarts regions only if it is a subtask's (or its TaskManager's), the job takes
 * checkpoints (without them a restarted region would start over and repeat its output), the failed
 * subtasks' regions are not all of the job, and the job is not finishing (no final checkpoint
 * completed, no subtask finished: a restarted region could never take part in another final
 * checkpoint). Other failures (checkpointing, a split enumerator, a restore) restart the whole job;
 * a whole-job restart supersedes region restarts in progress. Several region restarts may be in
 * progress at once, each on its own.
 *
 * <p>A whole-job restart that finds too few free slots (a TaskManager was lost) restarts the job at
 * the parallelism the free slots hold if its checkpoint can be restored rescaled (see {@link
 * ParallelismCap}); otherwise, and for region restarts, it waits for TaskManagers.
 */
public final class RestartController {
  private static final Logger LOG = LoggerFactory.getLogger(RestartController.class);

  /** How long a restart waits for TaskManagers when the cluster lacks slots (Flink: 5 min). */
  static final Duration SLOT_WAIT = Duration.ofMinutes(5);

  /** What the controller does to the job; every method runs on the JobMaster thread. */
  public interface Job {
    JobStatus status();

    /** Turns RESTARTING: checkpointing stops and every subtask is cancelled. */
    void enterRestarting();

    /** The checkpoint coordinator, or null if the job takes no checkpoints. */
    CheckpointCoordinator checkpointCoordinator();

    /** Cancels {@code ev}'s current attempt. */
    void cancel(ExecutionVertex ev);

    /** Creates and starts the source coordinators, restored from the state restore's snapshot. */
    CompletableFuture<Void> startCoordinators();

    /**
     * The job runs as {@code rescaled} from now on (lower parallelism): everything that depends on
     * it is rebuilt. Returns the new execution graph (no attempts yet).
     */
    ExecutionGraph rescale(JobGraph rescaled);

    /** Deploys every subtask's current attempt: the job runs again. */
    void deployAll();

    /** Deploys the current attempts of {@code subtasks} into the running job. */
    void deploy(List<ExecutionVertex> subtasks);

    /** A failure that is not a subtask's (it restarts the whole job, or fails it). */
    void failJob(String where, Throwable cause);

    /** Fails the job for good, without restart. */
    void failTerminally(Throwable cause);

    void runAsync(Runnable action);
  }

  /** A restart in progress: of the whole job ({@code regions} null), or of some regions. */
  private static final class Restart {
    final Set<Integer> regions;
    final List<PipelinedRegions.SubtaskId> ids;
    final List<ExecutionVertex> subtasks;
    boolean readersMarked;
    boolean scheduled;
    long waitingForSlotsSince;

    Restart(
        Set<Integer> regions,
        List<PipelinedRegions.SubtaskId> ids,
        List<ExecutionVertex> subtasks,
        boolean readersMarked) {
      this.regions = regions;
      this.ids = ids;
      this.subtasks = subtasks;
      this.readersMarked = readersMarked;
    }
  }

  private JobGraph jobGraph;
  private ExecutionGraph executionGraph;
  private PipelinedRegions regions;
  private final SlotProvider slotProvider;
  private final JobStateRestore restore;
  private final SourceCoordinators coordinators;
  private final RestartBackoffTimeStrategy strategy;
  private final Job job;
  private final Clock clock;

  private int numberOfRestarts;

  /** The restart of the whole job in progress, until its new attempts have slots; or null. */
  private Restart whole;

  private final List<Restart> regionRestarts = new ArrayList<>();

  RestartController(
      ExecutionGraph executionGraph,
      SlotProvider slotProvider,
      JobStateRestore restore,
      SourceCoordinators coordinators,
      RestartBackoffTimeStrategy strategy,
      Job job,
      Clock clock) {
    this.jobGraph = executionGraph.getJobGraph();
    this.executionGraph = executionGraph;
    this.regions = PipelinedRegions.of(jobGraph);
    this.slotProvider = slotProvider;
    this.restore = restore;
    this.coordinators = coordinators;
    this.strategy = strategy;
    this.job = job;
    this.clock = clock;
  }

  /** How often the job (or some of its regions) restarted. */
  public int numberOfRestarts() {
    return numberOfRestarts;
  }

  /** Whether some regions are restarting while the rest of the job runs. */
  public boolean regionsRestarting() {
    return job.status() == JobStatus.RUNNING && !regionRestarts.isEmpty();
  }

  /**
   * Whether {@code ev}'s current attempt belongs to regions that restart: its end is expected, not
   * a new failure.
   */
  public boolean isRestarting(ExecutionVertex ev) {
    int region = regions.regionOf(ev.getVertexIndex(), ev.getSubtaskIndex());
    for (Restart r : regionRestarts) {
      if (r.regions.contains(region)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A failure of the running job: restarts the failed subtasks' regions or the whole job, if the
   * restart strategy allows.
   *
   * @param where what failed, for the log
   * @param failed the failed subtasks (empty if the failure is not a subtask's)
   * @return false if the strategy allows no more restarts: the job must fail
   */
  public boolean restart(String where, Throwable cause, Collection<ExecutionVertex> failed) {
    strategy.notifyFailure(cause, clock.currentTimeMillis());
    if (!strategy.canRestart()) {
      return false;
    }
    Set<Integer> failedRegions = regionsToRestart(failed);
    LOG.warn(
        "Job {} restarts {} (restart {}) after {} failed: {}",
        jobGraph.jobName(),
        failedRegions == null
            ? "whole"
            : failedRegions.size() + " of its " + regions.count() + " pipelined regions",
        numberOfRestarts + 1,
        where,
        cause.toString());
    if (failedRegions == null) {
      regionRestarts.clear();
      whole = new Restart(null, List.of(), executionGraph.all(), true);
      job.enterRestarting();
    } else {
      beginRegionRestart(failedRegions);
    }
    return true;
  }

  /** The regions to restart for a failure of {@code failed}, or null for the whole job. */
  private Set<Integer> regionsToRestart(Collection<ExecutionVertex> failed) {
    CheckpointCoordinator checkpoints = job.checkpointCoordinator();
    if (failed.isEmpty() || checkpoints == null || regions.count() == 1) {
      return null;
    }
    if (checkpoints.finalCheckpointCompleted()
        || executionGraph.all().stream().anyMatch(ev -> ev.getState() == ExecutionState.FINISHED)) {
      return null; // finishing: a restarted region could never take part in a final checkpoint
    }
    Set<Integer> failedRegions = new TreeSet<>();
    for (ExecutionVertex ev : failed) {
      failedRegions.add(regions.regionOf(ev.getVertexIndex(), ev.getSubtaskIndex()));
    }
    return failedRegions.size() == regions.count() ? null : failedRegions;
  }

  private void beginRegionRestart(Set<Integer> failedRegions) {
    List<PipelinedRegions.SubtaskId> ids = new ArrayList<>();
    failedRegions.forEach(region -> ids.addAll(regions.members(region)));
    List<ExecutionVertex> subtasks =
        ids.stream().map(id -> executionGraph.get(id.vertex(), id.subtask())).toList();
    Restart r = new Restart(failedRegions, ids, subtasks, false);
    regionRestarts.add(r);
    job.checkpointCoordinator().abortPending("some pipelined regions of the job restart");
    for (ExecutionVertex ev : subtasks) {
      if (!ev.getState().isTerminal()) {
        job.cancel(ev);
      }
    }
    coordinators
        .readersFailed(ids)
        .whenComplete(
            (ok, error) ->
                job.runAsync(
                    () -> {
                      if (!regionRestarts.contains(r)) {
                        return; // superseded by a restart of the whole job
                      }
                      if (error != null) {
                        job.failJob("a source coordinator", unwrap(error));
                        return;
                      }
                      r.readersMarked = true;
                      subtasksEnded();
                    }));
  }

  /**
   * Subtasks ended: restarts that waited for them go on after the strategy's backoff.
   *
   * @return whether a restart is in progress (then the job does not end)
   */
  public boolean subtasksEnded() {
    if (job.status() == JobStatus.RESTARTING) {
      if (whole != null && executionGraph.allTerminal()) {
        schedule(whole);
      }
      return true;
    }
    if (job.status() != JobStatus.RUNNING) {
      return false;
    }
    for (Restart r : regionRestarts) {
      if (r.readersMarked && r.subtasks.stream().allMatch(ev -> ev.getState().isTerminal())) {
        schedule(r);
      }
    }
    return !regionRestarts.isEmpty();
  }

  private void schedule(Restart r) {
    if (r.scheduled) {
      return;
    }
    r.scheduled = true;
    clock.schedule(
        clock.currentTimeMillis() + strategy.getBackoffTimeMillis(),
        () -> job.runAsync(() -> tryRestart(r)));
  }

  /** A TaskManager registered: restarts that wait for slots try again. */
  void slotsMayBeAvailable() {
    if (whole != null && whole.waitingForSlotsSince > 0) {
      tryRestart(whole);
    }
    for (Restart r : List.copyOf(regionRestarts)) {
      if (r.waitingForSlotsSince > 0) {
        tryRestart(r);
      }
    }
  }

  private boolean isCurrent(Restart r) {
    return r == whole
        ? job.status() == JobStatus.RESTARTING
        : regionRestarts.contains(r) && job.status() == JobStatus.RUNNING;
  }

  private void tryRestart(Restart r) {
    if (!isCurrent(r)) {
      return; // cancelled, failed or superseded meanwhile
    }
    if (r == whole) {
      restartWholeJob();
    } else {
      restartRegions(r);
    }
  }

  private void restartWholeJob() {
    if (!assignFreshSlots()) {
      return;
    }
    whole = null;
    numberOfRestarts++;
    coordinators.closeAll();
    if (!restoreLatestCheckpoint()) {
      return;
    }
    job.startCoordinators()
        .whenComplete(
            (ok, error) ->
                job.runAsync(
                    () -> {
                      if (error != null) {
                        job.failTerminally(unwrap(error));
                      } else if (job.status() == JobStatus.RESTARTING) {
                        job.deployAll();
                      }
                    }));
  }

  private void restartRegions(Restart r) {
    Map<Slot, Slot> replacements = replacementSlots(r);
    if (replacements == null) {
      return;
    }
    regionRestarts.remove(r);
    numberOfRestarts++;
    if (!restoreLatestCheckpoint()) {
      return;
    }
    for (ExecutionVertex ev : r.subtasks) {
      executionGraph.newAttempt(ev, replacements.getOrDefault(ev.getSlot(), ev.getSlot()));
    }
    coordinators
        .resetReaders(r.ids)
        .whenComplete(
            (ok, error) -> {
              if (error != null) {
                job.runAsync(() -> job.failJob("a split enumerator", unwrap(error)));
              }
            });
    job.deploy(r.subtasks);
  }

  private boolean restoreLatestCheckpoint() {
    CheckpointCoordinator checkpoints = job.checkpointCoordinator();
    try {
      restore.useLatestCheckpoint(checkpoints == null ? null : checkpoints.storage());
      return true;
    } catch (RuntimeException e) {
      job.failTerminally(e);
      return false;
    }
  }

  /**
   * Releases the failed attempts' slots and partitions and assigns new attempts to slots spread
   * over the TaskManagers alive now, so a lost TaskManager's subtasks (and their key groups) move
   * to the survivors. If the cluster lacks slots, waits for TaskManagers and returns false.
   */
  private boolean assignFreshSlots() {
    List<TaskExecutorGateway> previous =
        executionGraph.all().stream()
            .map(ev -> ev.getSlot() == null ? null : ev.getSlot().taskManager())
            .filter(Objects::nonNull)
            .distinct()
            .toList();
    slotProvider.releaseSlots(jobGraph.jobId());
    List<Slot> slots =
        executionGraph.requiredSlots() > slotProvider.getFreeSlots() ? lowerParallelism() : null;
    if (slots == null) {
      slots = allocate(whole, executionGraph.requiredSlots());
    }
    if (slots == null) {
      return false;
    }
    previous.forEach(tm -> tm.releaseJob(jobGraph.jobId())); // the old attempts' partitions
    executionGraph.assignSlots(slots);
    return true;
  }

  /**
   * The cluster lacks slots for a restart of the whole job: if the job takes checkpoints and the
   * state it restores can be redistributed (no in-flight data of an unaligned checkpoint), lowers
   * its parallelism to what the free slots hold, so it runs on instead of waiting for TaskManagers
   * (key groups are spread over the fewer subtasks). Returns the slots for the rescaled job, or
   * null if it keeps its parallelism.
   */
  private List<Slot> lowerParallelism() {
    CheckpointCoordinator checkpoints = job.checkpointCoordinator();
    int free = slotProvider.getFreeSlots();
    int cap = ParallelismCap.largestFitting(jobGraph, free);
    if (checkpoints == null || cap == 0) {
      return null;
    }
    if (!restore.latestRestorableRescaled(checkpoints.storage())) {
      LOG.info(
          "Job {} cannot restart at a lower parallelism: its latest checkpoint holds in-flight"
              + " data of an unaligned checkpoint",
          jobGraph.jobName());
      return null;
    }
    List<Slot> slots;
    try {
      slots =
          slotProvider.allocateSlots(jobGraph.jobId(), ParallelismCap.requiredSlots(jobGraph, cap));
    } catch (IllegalStateException notEnough) {
      return null; // taken meanwhile: wait for TaskManagers
    }
    LOG.warn(
        "Job {} restarts at parallelism {} of {} because only {} slots are free",
        jobGraph.jobName(),
        cap,
        ParallelismCap.highest(jobGraph),
        free);
    jobGraph = ParallelismCap.cap(jobGraph, cap);
    regions = PipelinedRegions.of(jobGraph);
    executionGraph = job.rescale(jobGraph);
    return slots;
  }

  /**
   * For the restarting subtasks whose slot the job lost with its TaskManager, a new slot each
   * (subtasks that shared a slot share its replacement); the others keep theirs. Null if the
   * cluster lacks slots now (the restart waits for TaskManagers).
   */
  private Map<Slot, Slot> replacementSlots(Restart r) {
    List<Slot> lost =
        r.subtasks.stream()
            .map(ExecutionVertex::getSlot)
            .distinct()
            .filter(slot -> !slotProvider.isAllocated(jobGraph.jobId(), slot))
            .toList();
    if (lost.isEmpty()) {
      return Map.of();
    }
    List<Slot> fresh = allocate(r, lost.size());
    if (fresh == null) {
      return null;
    }
    Map<Slot, Slot> replacements = new HashMap<>();
    for (int i = 0; i < lost.size(); i++) {
      replacements.put(lost.get(i), fresh.get(i));
    }
    return replacements;
  }

  /**
   * {@code count} more slots for the job, or null if the cluster lacks them: then the restart waits
   * for TaskManagers to register, at most {@link #SLOT_WAIT}.
   */
  private List<Slot> allocate(Restart r, int count) {
    try {
      List<Slot> slots = slotProvider.allocateSlots(jobGraph.jobId(), count);
      r.waitingForSlotsSince = 0;
      return slots;
    } catch (IllegalStateException notEnough) {
      if (r.waitingForSlotsSince == 0) {
        r.waitingForSlotsSince = clock.currentTimeMillis();
        LOG.warn(
            "Job {} waits for TaskManagers to restart: {}",
            jobGraph.jobId(),
            notEnough.getMessage());
        clock.schedule(
            r.waitingForSlotsSince + SLOT_WAIT.toMillis(),
            () -> job.runAsync(() -> slotWaitExpired(r, count)));
      }
      return null;
    }
  }

  private void slotWaitExpired(Restart r, int needed) {
    if (isCurrent(r)
        && r.waitingForSlotsSince > 0
        && clock.currentTimeMillis() - r.waitingForSlotsSince >= SLOT_WAIT.toMillis()) {
      r.waitingForSlotsSince = 0;
      job.failTerminally(
          new IllegalStateException(
              "Not enough slots to restart within "
                  + SLOT_WAIT.toSeconds()
                  + " s ("
                  + slotProvider.getFreeSlots()
                  + " free, "
                  + needed
                  + " needed): start more TaskManagers or lower the job's parallelism."));
    }
  }

  public static Throwable unwrap(Throwable t) {
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
