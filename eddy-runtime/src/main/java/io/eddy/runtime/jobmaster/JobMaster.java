package io.eddy.runtime.jobmaster;

import io.eddy.api.JobExecutionException;
import io.eddy.api.JobExecutionResult;
import io.eddy.api.JobStatus;
import io.eddy.api.common.accumulators.Accumulator;
import io.eddy.core.dag.ops.Specs;
import io.eddy.runtime.checkpoint.CheckpointCoordinator;
import io.eddy.runtime.checkpoint.CheckpointParticipants;
import io.eddy.runtime.gateway.CheckpointStats;
import io.eddy.runtime.gateway.ExecutionState;
import io.eddy.runtime.gateway.JobDetails;
import io.eddy.runtime.gateway.JobMasterGateway;
import io.eddy.runtime.gateway.JobOverview;
import io.eddy.runtime.gateway.OperatorEvent;
import io.eddy.runtime.gateway.Slot;
import io.eddy.runtime.gateway.TaskExecutionState;
import io.eddy.runtime.gateway.TaskExecutorGateway;
import io.eddy.runtime.gateway.TaskManagerLostException;
import io.eddy.runtime.graph.JobGraph;
import io.eddy.runtime.graph.JobVertex;
import io.eddy.runtime.graph.OperatorConfig;
import io.eddy.runtime.graph.SourceSpec;
import io.eddy.runtime.graph.UserCodeSerialization;
import io.eddy.runtime.graph.VertexConfig;
import io.eddy.runtime.ha.HighAvailabilityServices;
import io.eddy.runtime.ha.NoHighAvailabilityServices;
import io.eddy.runtime.rpc.RpcEndpoint;
import io.eddy.runtime.scheduler.ExecutionGraph;
import io.eddy.runtime.scheduler.ExecutionVertex;
import io.eddy.runtime.scheduler.JobStateRestore;
import io.eddy.runtime.scheduler.ParallelismCap;
import io.eddy.runtime.scheduler.SlotProvider;
import io.eddy.runtime.scheduler.SourceCoordinators;
import io.eddy.runtime.scheduler.restart.RestartBackoffTimeStrategies;
import io.eddy.runtime.snapshot.StateFileHandle;
import io.eddy.runtime.source.SourceCoordinator;
import io.eddy.runtime.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job: takes slots, starts the source coordinators, deploys every subtask, follows their
 * states, and ends the job when all finished or one failed (then it cancels the rest). Failures
 * restart the failed subtasks' pipelined regions or the whole job as the {@link RestartController}
 * decides. It is the job's RPC endpoint: it owns the job's state on its main thread and delegates
 * each job to a part, all called on that thread:
 *
 * <ul>
 *   <li>{@link JobStatusTransitions}: the job's status, changed only along its allowed transitions
 *       (see its diagram);
 *   <li>{@link TaskDeployer}: deploys and cancels subtask attempts;
 *   <li>{@link JobCheckpointing}: checkpoints and savepoints, stop-with-savepoint;
 *   <li>{@link CollectResults}: the collect sinks' batches on their way to the client;
 *   <li>{@link JobDetailsView}: the job overview and details;
 *   <li>{@link RestartController}: restarts after failures.
 * </ul>
 */
public final class JobMaster extends RpcEndpoint implements JobMasterGateway {
  private static final Logger LOG = LoggerFactory.getLogger(JobMaster.class);

  /** The job as it runs: its parallelism may be lowered by a restart (see ParallelismCap). */
  private JobGraph jobGraph;

  private final SlotProvider slotProvider;
  private final ClassLoader userCodeClassLoader;
  private ExecutionGraph executionGraph;
  private final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
  private final SourceCoordinators coordinators = new SourceCoordinators();

  /** The source vertices and their sources (read once from the job graph). */
  private final Map<JobVertex, SourceSpec<?>> sources = new LinkedHashMap<>();

  private final Map<String, Accumulator<?, ?>> accumulators = new HashMap<>();

  /** Per job vertex, the operator ids of its chain. */
  private final Map<Integer, List<String>> operatorIds = new HashMap<>();

  private final List<CheckpointParticipants.OperatorInfo> operatorInfos = new ArrayList<>();

  /** The state the next attempts restore. */
  private final JobStateRestore restore;

  private final JobStatusTransitions status;
  private final TaskDeployer deployer;
  private final JobCheckpointing checkpointing;
  private final CollectResults collectResults;
  private final JobDetailsView view;
  private final RestartController restarts;

  private JobFailure failure;

  /** Whether a new leader took this job over: it starts from its latest completed checkpoint. */
  private final boolean recovered;

  /**
   * @param clock the time of checkpoint triggers and timeouts and of the job's times
   */
  public JobMaster(
      JobGraph jobGraph, SlotProvider slotProvider, ClassLoader userCodeClassLoader, Clock clock) {
    this(
        jobGraph,
        slotProvider,
        userCodeClassLoader,
        clock,
        new NoHighAvailabilityServices(),
        false);
  }

  /**
   * @param clock the time of checkpoint triggers and timeouts and of the job's times
   * @param ha where the job's checkpoint ids are counted and its completed checkpoints recorded
   * @param recovered whether a new leader takes the job over: it then starts from the latest
   *     checkpoint {@code ha} recorded (or as submitted, if there is none)
   */
  public JobMaster(
      JobGraph jobGraph,
      SlotProvider slotProvider,
      ClassLoader userCodeClassLoader,
      Clock clock,
      HighAvailabilityServices ha,
      boolean recovered) {
    super("jobmaster-" + jobGraph.jobId());
    this.recovered = recovered;
    this.jobGraph = jobGraph;
    this.slotProvider = slotProvider;
    this.userCodeClassLoader = userCodeClassLoader;
    this.executionGraph = new ExecutionGraph(jobGraph);
    this.restore = new JobStateRestore(jobGraph, operatorIds, operatorInfos);
    this.status = new JobStatusTransitions(jobGraph.jobName());
    Parts parts = new Parts();
    this.checkpointing = new JobCheckpointing(parts, clock, ha);
    restore.usePointers(ha.completedCheckpoints(jobGraph.jobId()));
    this.deployer = new TaskDeployer(this, restore, checkpointing::storageRoot, parts);
    this.collectResults = new CollectResults(jobGraph.jobId());
    this.view = new JobDetailsView(clock, parts);
    this.restarts =
        new RestartController(
            executionGraph,
            slotProvider,
            restore,
            coordinators,
            RestartBackoffTimeStrategies.forJob(
                jobGraph.config().restartStrategy(), jobGraph.config().checkpointing().enabled()),
            parts,
            clock);
  }

  public String getJobId() {
    return jobGraph.jobId();
  }

  /** Deploys the job; completes exceptionally if it cannot start. */
  public CompletableFuture<Void> start() {
    return composeAsync(
            () -> {
              List<Slot> slots =
                  slotProvider.allocateSlots(jobGraph.jobId(), executionGraph.requiredSlots());
              executionGraph.assignSlots(slots);
              registerOperators();
              if (recovered) {
                checkpointing.create(operatorInfos, 1);
                restore.useLatestCheckpoint(
                    checkpointing.coordinator() == null
                        ? null
                        : checkpointing.coordinator().storage());
                checkpointing.checkpointIdsFrom(restore.firstCheckpointId());
              } else {
                restore.useInitialSnapshot();
                checkpointing.create(operatorInfos, restore.firstCheckpointId());
              }
              return startCoordinators();
            })
        .thenCompose(ignored -> runAsync(this::deployAtStart))
        .whenComplete(
            (ok, error) -> {
              if (error != null) {
                runAsync(() -> cleanUp());
              }
            });
  }

  /** Creates and starts the source coordinators, restored if the job restores state. */
  private CompletableFuture<Void> startCoordinators() {
    return coordinators.start(
        sources,
        restore::coordinatorState,
        (vertex, subtask, event) -> runAsync(() -> sendToSubtask(vertex, subtask, event)),
        (v, error) ->
            runAsync(() -> failJob("the split enumerator of " + v.operatorNames().get(0), error)));
  }

  /**
   * The first deployment. If the job was cancelled or failed while it started, nothing was
   * deployed: its attempts end at once.
   */
  private void deployAtStart() {
    if (status.current() == JobStatus.CREATED) {
      deployAll();
      return;
    }
    for (ExecutionVertex ev : executionGraph.all()) {
      if (!ev.getState().isTerminal()) {
        ev.setState(ExecutionState.CANCELED);
      }
    }
    maybeComplete();
  }

  /** Deploys every subtask (a fresh run: the accumulators start over). */
  private void deployAll() {
    status.transitionTo(JobStatus.RUNNING);
    accumulators.clear();
    LOG.info(
        "Job {} ({}) is running: {}",
        jobGraph.jobName(),
        jobGraph.jobId(),
        jobGraph.vertices().stream().map(JobVertex::name).toList());
    deployer.deploy(executionGraph, executionGraph.all());
    checkpointing.jobRunning();
  }

  /** Takes a savepoint into {@code targetDirectory}; completes with its path. */
  public CompletableFuture<String> triggerSavepoint(String targetDirectory) {
    return composeAsync(() -> checkpointing.triggerSavepoint(targetDirectory));
  }

  /**
   * Stops the job with a savepoint: sources emit nothing after its barrier (with {@code drain},
   * they first end event time), and when it completed the job ends as FINISHED. Completes with the
   * savepoint's path.
   */
  public CompletableFuture<String> stopWithSavepoint(String targetDirectory, boolean drain) {
    return composeAsync(() -> checkpointing.stopWithSavepoint(targetDirectory, drain));
  }

  /** Triggers a checkpoint now (tests, REST); completes with its id. */
  public CompletableFuture<Long> triggerCheckpoint() {
    return composeAsync(checkpointing::triggerCheckpoint);
  }

  @Override
  public CompletableFuture<Void> acknowledgeCheckpoint(
      String attemptId, long checkpointId, List<StateFileHandle> stateFiles) {
    return runAsync(() -> checkpointing.acknowledge(attemptId, checkpointId, stateFiles));
  }

  @Override
  public CompletableFuture<Void> declineCheckpoint(
      String attemptId, long checkpointId, String reason) {
    return runAsync(() -> checkpointing.decline(attemptId, checkpointId, reason));
  }

  @Override
  public CompletableFuture<Void> notifyEndOfInput(String attemptId) {
    return runAsync(() -> checkpointing.endOfInput(attemptId));
  }

  public CompletableFuture<JobExecutionResult> getResultFuture() {
    return result;
  }

  public CompletableFuture<JobStatus> requestJobStatus() {
    return callAsync(status::current);
  }

  public CompletableFuture<Void> cancel() {
    return runAsync(
        () -> {
          if (status.canTransitionTo(JobStatus.CANCELLING)) { // CREATED, RUNNING, RESTARTING
            status.transitionTo(JobStatus.CANCELLING);
            deployer.cancelRunning(executionGraph);
            maybeComplete();
          }
        });
  }

  public CompletableFuture<byte[]> fetchCollectBatch(String collectId) {
    return composeAsync(() -> collectResults.fetch(collectId));
  }

  @Override
  public CompletableFuture<Void> offerCollectBatch(String collectId, byte[] batch) {
    return composeAsync(() -> collectResults.offer(collectId, batch));
  }

  @Override
  public CompletableFuture<Void> updateTaskExecutionState(TaskExecutionState update) {
    return runAsync(
        () -> {
          ExecutionVertex ev = executionGraph.getByAttempt(update.attemptId());
          if (ev == null || ev.getState().isTerminal()) {
            return; // a stale attempt
          }
          if (!update.state().isTerminal() && update.state().ordinal() <= ev.getState().ordinal()) {
            return; // a retried report that arrived after a later one
          }
          boolean cancelledByUs = ev.getState() == ExecutionState.CANCELING;
          ev.setState(update.state());
          if (update.state() == ExecutionState.FINISHED && update.accumulators() != null) {
            mergeAccumulators(update.accumulators());
          } else if (restarts.isRestarting(ev)) {
            // an expected end: its region restarts
          } else if (update.state() == ExecutionState.FAILED) {
            failSubtask(ev, update.failure());
          } else if (update.state() == ExecutionState.CANCELED && !cancelledByUs) {
            // Not cancelled by us: its TaskManager gave it up (it lost contact with us).
            failSubtask(ev, new TaskManagerLostException("its TaskManager cancelled it"));
          }
          maybeComplete();
        });
  }

  @Override
  public CompletableFuture<Void> sendOperatorEventToCoordinator(
      String attemptId, int vertexIndex, OperatorEvent event) {
    return composeAsync(
        () -> {
          ExecutionVertex ev = executionGraph.getByAttempt(attemptId);
          SourceCoordinator<?, ?> coordinator = coordinators.get(vertexIndex);
          if (ev == null || ev.getState().isTerminal() || coordinator == null) {
            return CompletableFuture.completedFuture(null); // a stale or ended attempt
          }
          return coordinator
              .handleEvent(ev.getSubtaskIndex(), event)
              .whenComplete(
                  (ok, e) -> {
                    if (e != null) {
                      runAsync(
                          () ->
                              failJob(
                                  "the split enumerator of "
                                      + jobGraph.vertices().get(vertexIndex).operatorNames().get(0),
                                  e));
                    }
                  });
        });
  }

  private void failSubtask(ExecutionVertex ev, Throwable cause) {
    failJob(describe(ev), cause, List.of(ev));
  }

  /** "Name (2/4)" of a subtask, as in errors and logs. */
  private String describe(ExecutionVertex ev) {
    JobVertex v = jobGraph.vertices().get(ev.getVertexIndex());
    return v.name() + " (" + (ev.getSubtaskIndex() + 1) + "/" + v.parallelism() + ")";
  }

  /** A failure that is not a subtask's (checkpointing, a split enumerator): see below. */
  private void failJob(String where, Throwable cause) {
    failJob(where, cause, List.of());
  }

  /**
   * Restarts the failed subtasks' regions or the whole job if the restart strategy allows, else
   * fails the job.
   *
   * @param where what failed, for the error ("Map (2/4)", "checkpointing")
   * @param failedSubtasks the subtasks that failed (empty if the failure is not a subtask's)
   */
  private void failJob(String where, Throwable cause, List<ExecutionVertex> failedSubtasks) {
    JobStatus current = status.current();
    if (current != JobStatus.CREATED && current != JobStatus.RUNNING) {
      return; // ending, or restarting: the failures of other tasks are its consequences
    }
    if (current == JobStatus.RUNNING
        && restarts.restart(where, RestartController.unwrap(cause), failedSubtasks)) {
      maybeComplete();
      return;
    }
    fail(where, RestartController.unwrap(cause));
  }

  /**
   * Fails the job for good (no restart), e.g. when its state cannot be restored; nothing happens if
   * the job is already failing, being cancelled or ended.
   */
  private void failTerminally(Throwable cause) {
    if (status.canTransitionTo(JobStatus.FAILING)) { // CREATED, RUNNING, RESTARTING
      fail("the restart", cause);
    }
  }

  private void fail(String where, Throwable cause) {
    status.transitionTo(JobStatus.FAILING);
    failure = new JobFailure(where, cause);
    checkpointing.stop("the job is failing");
    deployer.cancelRunning(executionGraph);
    maybeComplete();
  }

  /**
   * A TaskManager died or became unreachable: its subtasks are lost (they will never report), and
   * their regions or the job restart without it, or the job fails, as the restart strategy says.
   */
  public CompletableFuture<Void> taskManagerLost(TaskExecutorGateway taskManager, String reason) {
    return runAsync(
        () -> {
          List<ExecutionVertex> lost = new ArrayList<>();
          boolean any = false;
          for (ExecutionVertex ev : executionGraph.all()) {
            if (ev.getSlot() != null
                && ev.getSlot().taskManager() == taskManager
                && !ev.getState().isTerminal()) {
              ev.setState(ExecutionState.FAILED);
              any = true;
              if (!restarts.isRestarting(ev)) {
                lost.add(ev);
              }
            }
          }
          if (!lost.isEmpty()) {
            failJob(
                describe(lost.get(0)),
                new TaskManagerLostException(
                    "TaskManager " + taskManager.getLocation() + " was lost: " + reason),
                lost);
          }
          if (any) {
            maybeComplete();
          }
        });
  }

  /** A TaskManager registered: a restart that waits for slots tries again. */
  public CompletableFuture<Void> slotsMayBeAvailable() {
    return runAsync(restarts::slotsMayBeAvailable);
  }

  /** The job's checkpoint history (empty if it takes no checkpoints). */
  public CompletableFuture<CheckpointStats> requestCheckpointStats() {
    return callAsync(checkpointing::stats);
  }

  /** The job's id, name, status and times (for the job list). */
  public CompletableFuture<JobOverview> requestJobOverview() {
    return callAsync(view::overview);
  }

  /** The job's vertices with their subtasks' current attempts, states and TaskManagers. */
  public CompletableFuture<JobDetails> requestJobDetails() {
    return callAsync(view::details);
  }

  /** How often the job restarted after failures. */
  public CompletableFuture<Integer> requestNumberOfRestarts() {
    return callAsync(restarts::numberOfRestarts);
  }

  /** Ends the job once every attempt ended and no restart is in progress. */
  private void maybeComplete() {
    if (restarts.subtasksEnded() || !executionGraph.allTerminal()) {
      return;
    }
    JobStatus ending = status.current();
    if (ending == JobStatus.RUNNING) {
      status.transitionTo(JobStatus.FINISHED);
    } else if (ending == JobStatus.FAILING) {
      status.transitionTo(JobStatus.FAILED);
    } else if (ending == JobStatus.CANCELLING) {
      status.transitionTo(JobStatus.CANCELED);
    } else {
      return;
    }
    long runtime = view.jobEnded();
    cleanUp();
    JobStatus ended = status.current();
    LOG.info("Job {} ({}) {} after {} ms", jobGraph.jobName(), jobGraph.jobId(), ended, runtime);
    switch (ended) {
      case FINISHED -> {
        Map<String, Object> values = new HashMap<>();
        accumulators.forEach((name, acc) -> values.put(name, acc.getLocalValue()));
        result.complete(new JobExecutionResult(jobGraph.jobId(), runtime, values));
      }
      case FAILED ->
          result.completeExceptionally(
              new JobExecutionException(
                  jobGraph.jobId(),
                  "Job '" + jobGraph.jobName() + "' failed: " + failure.describe(),
                  failure.cause()));
      default ->
          result.completeExceptionally(
              new JobExecutionException(
                  jobGraph.jobId(), "Job '" + jobGraph.jobName() + "' was cancelled.", null));
    }
  }

  private void cleanUp() {
    JobStatus current = status.current();
    Throwable collectFailure =
        current == JobStatus.FINISHED
            ? null
            : new JobExecutionException(
                jobGraph.jobId(),
                "Job '"
                    + jobGraph.jobName()
                    + "' "
                    + (current == JobStatus.FAILED
                        ? "failed: " + failure.describe()
                        : "was cancelled."),
                failure == null ? null : failure.cause());
    collectResults.end(collectFailure);
    checkpointing.shutdown(current);
    coordinators.closeAll();
    executionGraph.all().stream()
        .map(ev -> ev.getSlot() == null ? null : ev.getSlot().taskManager())
        .filter(Objects::nonNull)
        .distinct()
        .forEach(tm -> tm.jobEnded(jobGraph.jobId()));
    slotProvider.releaseSlots(jobGraph.jobId());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void mergeAccumulators(Map<String, Accumulator<?, ?>> taskAccumulators) {
    taskAccumulators.forEach(
        (name, acc) -> {
          Accumulator existing = accumulators.get(name);
          if (existing == null) {
            accumulators.put(name, acc.clone());
          } else {
            existing.merge((Accumulator) acc);
          }
        });
  }

  /**
   * Reads every vertex's operators once: their ids for checkpoints, the sources and the collect
   * sinks.
   */
  private void registerOperators() {
    for (JobVertex v : jobGraph.vertices()) {
      VertexConfig config = readConfig(v, userCodeClassLoader);
      operatorIds.put(
          v.index(), config.operators().stream().map(OperatorConfig::operatorId).toList());
      for (int i = 0; i < config.operators().size(); i++) {
        boolean source = i == 0 && config.operators().get(0).spec() instanceof SourceSpec<?>;
        operatorInfos.add(
            new CheckpointParticipants.OperatorInfo(
                config.operators().get(i).operatorId(),
                v.parallelism(),
                v.maxParallelism(),
                source ? coordinators.checkpointsOf(v.index()) : null));
      }
      if (config.operators().get(0).spec() instanceof SourceSpec<?> spec) {
        sources.put(v, spec);
      }
      for (OperatorConfig oc : config.operators()) {
        if (oc.spec() instanceof Specs.Collect<?> c) {
          collectResults.register(c.collectId());
        }
      }
    }
  }

  private void sendToSubtask(int vertexIndex, int subtask, OperatorEvent event) {
    if (subtask >= jobGraph.vertices().get(vertexIndex).parallelism()) {
      return; // from a coordinator closed when the job's parallelism was lowered
    }
    ExecutionVertex ev = executionGraph.get(vertexIndex, subtask);
    if (!ev.getState().isTerminal()) {
      TaskExecutorGateway tm = ev.getSlot().taskManager();
      tm.sendOperatorEvent(ev.getAttemptId(), event);
    }
  }

  private static VertexConfig readConfig(JobVertex v, ClassLoader loader) {
    try {
      return UserCodeSerialization.deserialize(v.serializedConfig(), loader);
    } catch (Exception e) {
      throw new IllegalStateException(
          "Could not read the configuration of task '" + v.name() + "': " + e, e);
    }
  }

  /** The JobMaster as its parts see it; every method runs on the main thread. */
  private final class Parts
      implements TaskDeployer.Job, JobCheckpointing.Job, JobDetailsView.Job, RestartController.Job {
    @Override
    public JobGraph jobGraph() {
      return jobGraph;
    }

    @Override
    public ExecutionGraph executionGraph() {
      return executionGraph;
    }

    @Override
    public JobStatus status() {
      return status.current();
    }

    @Override
    public JobFailure failure() {
      return failure;
    }

    @Override
    public int numberOfRestarts() {
      return restarts.numberOfRestarts();
    }

    @Override
    public boolean regionsRestarting() {
      return restarts.regionsRestarting();
    }

    @Override
    public void finishAfterSavepoint() {
      deployer.cancelRunning(executionGraph); // FINISHED: still RUNNING; CANCELED is expected
      maybeComplete();
    }

    @Override
    public void deploymentFailed(ExecutionVertex ev, Throwable cause) {
      failSubtask(ev, cause);
    }

    @Override
    public void failJob(String where, Throwable cause) {
      JobMaster.this.failJob(where, cause);
    }

    @Override
    public void runAsync(Runnable action) {
      JobMaster.this.runAsync(action);
    }

    @Override
    public <T> CompletableFuture<T> callAsync(Supplier<T> action) {
      return JobMaster.this.callAsync(action);
    }

    @Override
    public void enterRestarting() {
      status.transitionTo(JobStatus.RESTARTING);
      checkpointing.stop("the job restarts");
      deployer.cancelRunning(executionGraph);
    }

    @Override
    public CheckpointCoordinator checkpointCoordinator() {
      return checkpointing.coordinator();
    }

    @Override
    public void cancel(ExecutionVertex ev) {
      deployer.cancel(ev);
    }

    @Override
    public CompletableFuture<Void> startCoordinators() {
      return JobMaster.this.startCoordinators();
    }

    @Override
    public ExecutionGraph rescale(JobGraph rescaled) {
      jobGraph = rescaled;
      executionGraph = new ExecutionGraph(rescaled);
      ParallelismCap.rescaleOperators(operatorInfos, operatorIds, rescaled);
      ParallelismCap.rescaleSources(sources, rescaled);
      restore.jobRescaled(rescaled);
      return executionGraph;
    }

    @Override
    public void deployAll() {
      JobMaster.this.deployAll();
    }

    @Override
    public void deploy(List<ExecutionVertex> subtasks) {
      deployer.deploy(executionGraph, subtasks);
    }

    @Override
    public void failTerminally(Throwable cause) {
      JobMaster.this.failTerminally(cause);
    }
  }
}
