package io.eddy.runtime.jobmaster;

import io.eddy.api.JobExecutionException;
import io.eddy.api.JobExecutionResult;
import io.eddy.api.JobStatus;
import io.eddy.api.common.accumulators.Accumulator;
import io.eddy.core.dag.ops.Specs;
import io.eddy.core.execution.CheckpointingOptions;
import io.eddy.runtime.checkpoint.CheckpointCoordinator;
import io.eddy.runtime.checkpoint.CheckpointParticipants;
import io.eddy.runtime.cluster.ResourceManager;
import io.eddy.runtime.cluster.Slot;
import io.eddy.runtime.gateway.CheckpointStats;
import io.eddy.runtime.gateway.ExecutionState;
import io.eddy.runtime.gateway.JobDetails;
import io.eddy.runtime.gateway.JobMasterGateway;
import io.eddy.runtime.gateway.JobOverview;
import io.eddy.runtime.gateway.OperatorEvent;
import io.eddy.runtime.gateway.TaskExecutionState;
import io.eddy.runtime.gateway.TaskExecutorGateway;
import io.eddy.runtime.gateway.TaskManagerLostException;
import io.eddy.runtime.graph.JobGraph;
import io.eddy.runtime.graph.JobVertex;
import io.eddy.runtime.graph.OperatorConfig;
import io.eddy.runtime.graph.SourceSpec;
import io.eddy.runtime.graph.UserCodeSerialization;
import io.eddy.runtime.graph.VertexConfig;
import io.eddy.runtime.rpc.RpcEndpoint;
import io.eddy.runtime.scheduler.CollectBuffer;
import io.eddy.runtime.scheduler.ExecutionGraph;
import io.eddy.runtime.scheduler.ExecutionVertex;
import io.eddy.runtime.scheduler.JobStateRestore;
import io.eddy.runtime.scheduler.ParallelismCap;
import io.eddy.runtime.scheduler.SourceCoordinators;
import io.eddy.runtime.scheduler.restart.RestartBackoffTimeStrategies;
import io.eddy.runtime.snapshot.SnapshotType;
import io.eddy.runtime.snapshot.StateFileHandle;
import io.eddy.runtime.source.SourceCoordinator;
import io.eddy.runtime.storage.FsCheckpointStorage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job: takes slots, starts the source coordinators, deploys every subtask, follows their
 * states, and ends the job when all finished or one failed (then it cancels the rest). Failures
 * restart the failed subtasks' pipelined regions or the whole job as the {@link RestartController}
 * decides. All state lives on the JobMaster's main thread.
 *
 * <pre>
 * CREATED ─▶ RUNNING ─▶ FINISHED                (some regions may restart while RUNNING)
 *               ├─────▶ RESTARTING ─▶ RUNNING   (the whole job restarts)
 *               ├─────▶ FAILING ─▶ FAILED       (no restart: the others are cancelled)
 *               └─────▶ CANCELLING ─▶ CANCELED
 * </pre>
 */
public final class JobMaster extends RpcEndpoint implements JobMasterGateway {
  private static final Logger LOG = LoggerFactory.getLogger(JobMaster.class);
  private static final long COLLECT_BUFFER_BYTES = 8L << 20;

  /** The job as it runs: its parallelism may be lowered by a restart (see ParallelismCap). */
  private JobGraph jobGraph;

  private final ResourceManager resourceManager;
  private final ClassLoader userCodeClassLoader;
  private ExecutionGraph executionGraph;
  private final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
  private final SourceCoordinators coordinators = new SourceCoordinators();

  /** The source vertices and their sources (read once from the job graph). */
  private final Map<JobVertex, SourceSpec<?>> sources = new java.util.LinkedHashMap<>();

  private final Map<String, CollectBuffer> collectBuffers = new HashMap<>();
  private final Map<String, Accumulator<?, ?>> accumulators = new HashMap<>();
  private final long submissionTime = System.currentTimeMillis();
  private long endTime = -1;

  /** Per job vertex, the operator ids of its chain. */
  private final Map<Integer, List<String>> operatorIds = new HashMap<>();

  private final List<CheckpointParticipants.OperatorInfo> operatorInfos = new ArrayList<>();
  private CheckpointCoordinator checkpointCoordinator;

  /** The state the next attempts restore. */
  private final JobStateRestore restore;

  private final RestartController restarts;

  private JobStatus status = JobStatus.CREATED;
  private Throwable failureCause;
  private String failedTask;

  public JobMaster(
      JobGraph jobGraph, ResourceManager resourceManager, ClassLoader userCodeClassLoader) {
    super("jobmaster-" + jobGraph.jobId());
    this.jobGraph = jobGraph;
    this.resourceManager = resourceManager;
    this.userCodeClassLoader = userCodeClassLoader;
    this.executionGraph = new ExecutionGraph(jobGraph);
    this.restore = new JobStateRestore(jobGraph, operatorIds, operatorInfos);
    this.restarts =
        new RestartController(
            executionGraph,
            resourceManager,
            restore,
            coordinators,
            RestartBackoffTimeStrategies.forJob(
                jobGraph.config().restartStrategy(), jobGraph.config().checkpointing().enabled()),
            new RestartActions());
  }

  public String getJobId() {
    return jobGraph.jobId();
  }

  /** Deploys the job; completes exceptionally if it cannot start. */
  public CompletableFuture<Void> start() {
    return composeAsync(
            () -> {
              List<Slot> slots =
                  resourceManager.allocateSlots(jobGraph.jobId(), executionGraph.requiredSlots());
              executionGraph.assignSlots(slots);
              registerOperators();
              restore.useInitialSnapshot();
              createCheckpointCoordinator();
              return startCoordinators();
            })
        .thenCompose(ignored -> runAsync(this::deployAll))
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

  /** Deploys every subtask (a fresh run: the accumulators start over). */
  private void deployAll() {
    status = JobStatus.RUNNING;
    accumulators.clear();
    LOG.info(
        "Job {} ({}) is running: {}",
        jobGraph.jobName(),
        jobGraph.jobId(),
        jobGraph.vertices().stream().map(JobVertex::name).toList());
    deploy(executionGraph.all());
    if (checkpointCoordinator != null) {
      checkpointCoordinator.startPeriodic();
    }
  }

  /** Deploys the current attempts of {@code subtasks}, restoring the state restore's snapshot. */
  private void deploy(List<ExecutionVertex> subtasks) {
    for (ExecutionVertex ev : subtasks) {
      String attemptId = ev.getAttemptId();
      ev.getSlot()
          .taskManager()
          .submitTask(
              executionGraph.deploymentDescriptor(
                  ev,
                  checkpointCoordinator == null
                      ? null
                      : checkpointCoordinator.storage().jobDirectory().getParent().toString(),
                  restore.restoredStates(ev),
                  restore.channelStateFile(ev)),
              this)
          .whenComplete(
              (ok, e) -> {
                if (e != null) {
                  runAsync(
                      () -> {
                        if (attemptId.equals(ev.getAttemptId())) { // not a replaced attempt
                          failSubtask(ev, e);
                        }
                      });
                }
              });
    }
  }

  private void createCheckpointCoordinator() {
    CheckpointingOptions options = jobGraph.config().checkpointing();
    if (!options.enabled()) {
      return;
    }
    Path root =
        options.storageDirectory() != null
            ? Path.of(options.storageDirectory())
            : Path.of(System.getProperty("java.io.tmpdir"), "eddy-checkpoints");
    FsCheckpointStorage storage = new FsCheckpointStorage(root.toAbsolutePath(), jobGraph.jobId());
    checkpointCoordinator =
        new CheckpointCoordinator(
            jobGraph.jobName(), options, storage, new Participants(), restore.firstCheckpointId());
  }

  /** Takes a savepoint into {@code targetDirectory}; completes with its path. */
  public CompletableFuture<String> triggerSavepoint(String targetDirectory) {
    return composeAsync(
        () -> {
          requireSavepointsPossible();
          return checkpointCoordinator.triggerSavepoint(
              Path.of(targetDirectory), SnapshotType.SAVEPOINT);
        });
  }

  /**
   * Stops the job with a savepoint: sources emit nothing after its barrier (with {@code drain},
   * they first end event time), and when it completed the job ends as FINISHED. Completes with the
   * savepoint's path.
   */
  public CompletableFuture<String> stopWithSavepoint(String targetDirectory, boolean drain) {
    return composeAsync(
        () -> {
          requireSavepointsPossible();
          return checkpointCoordinator
              .triggerSavepoint(
                  Path.of(targetDirectory),
                  drain ? SnapshotType.SAVEPOINT_DRAIN : SnapshotType.SAVEPOINT_STOP)
              .whenComplete(
                  (path, error) -> {
                    if (error != null) {
                      // The sources stopped at the barrier: resume the job from its latest
                      // checkpoint (or fail it, as the restart strategy says).
                      runAsync(() -> failJob("stop-with-savepoint", unwrap(error)));
                    }
                  })
              .thenCompose(
                  path ->
                      callAsync(
                          () -> {
                            LOG.info("Job {} stops after savepoint {}", jobGraph.jobName(), path);
                            checkpointCoordinator.stopPeriodic();
                            cancelRunningTasks(); // FINISHED: still RUNNING, and their CANCELED is
                            // expected
                            maybeComplete();
                            return path;
                          }));
        });
  }

  private void requireSavepointsPossible() {
    if (checkpointCoordinator == null) {
      throw new IllegalStateException(
          "Job '"
              + jobGraph.jobName()
              + "' takes no checkpoints: enable checkpointing to take savepoints.");
    }
    if (status != JobStatus.RUNNING) {
      throw new IllegalStateException(
          "Job '" + jobGraph.jobName() + "' is " + status + ", not running.");
    }
    if (restarts.regionsRestarting()) {
      throw new IllegalStateException(
          "Job '" + jobGraph.jobName() + "' is restarting some of its subtasks; try again.");
    }
  }

  /** Triggers a checkpoint now (tests, REST); completes with its id. */
  public CompletableFuture<Long> triggerCheckpoint() {
    return composeAsync(
        () -> {
          if (checkpointCoordinator == null) {
            throw new IllegalStateException(
                "Job '" + jobGraph.jobName() + "' takes no checkpoints.");
          }
          return checkpointCoordinator.trigger(SnapshotType.CHECKPOINT, false);
        });
  }

  @Override
  public CompletableFuture<Void> acknowledgeCheckpoint(
      String attemptId, long checkpointId, List<StateFileHandle> stateFiles) {
    return runAsync(
        () -> {
          if (checkpointCoordinator != null) {
            checkpointCoordinator.acknowledge(attemptId, checkpointId, stateFiles);
          }
        });
  }

  @Override
  public CompletableFuture<Void> declineCheckpoint(
      String attemptId, long checkpointId, String reason) {
    return runAsync(
        () -> {
          if (checkpointCoordinator != null) {
            checkpointCoordinator.decline(attemptId, checkpointId, reason);
          }
        });
  }

  @Override
  public CompletableFuture<Void> notifyEndOfInput(String attemptId) {
    return runAsync(
        () -> {
          if (checkpointCoordinator != null && executionGraph.getByAttempt(attemptId) != null) {
            checkpointCoordinator.onEndOfInput(attemptId);
          }
        });
  }

  /** The job as the checkpoint coordinator sees it; every method runs on the main thread. */
  private final class Participants implements CheckpointParticipants {
    @Override
    public List<Subtask> runningSubtasks() {
      if (status != JobStatus.RUNNING) {
        return null;
      }
      List<Subtask> subtasks = new ArrayList<>();
      for (ExecutionVertex ev : executionGraph.all()) {
        if (ev.getState() != ExecutionState.RUNNING) {
          return null;
        }
        subtasks.add(
            new Subtask(
                ev.getAttemptId(),
                ev.getSlot().taskManager(),
                !jobGraph.inputsOf(ev.getVertexIndex()).isEmpty()));
      }
      return subtasks;
    }

    @Override
    public List<OperatorInfo> operators() {
      return operatorInfos;
    }

    @Override
    public void runOnMainThread(Runnable action) {
      runAsync(action);
    }

    @Override
    public void failJob(Throwable cause) {
      JobMaster.this.failJob("checkpointing", cause);
    }
  }

  public CompletableFuture<JobExecutionResult> getResultFuture() {
    return result;
  }

  public CompletableFuture<JobStatus> requestJobStatus() {
    return callAsync(() -> status);
  }

  public CompletableFuture<Void> cancel() {
    return runAsync(
        () -> {
          if (status == JobStatus.RUNNING
              || status == JobStatus.CREATED
              || status == JobStatus.RESTARTING) {
            status = JobStatus.CANCELLING;
            cancelRunningTasks();
            maybeComplete();
          }
        });
  }

  public CompletableFuture<byte[]> fetchCollectBatch(String collectId) {
    return composeAsync(() -> collectBuffer(collectId).fetch());
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

  @Override
  public CompletableFuture<Void> offerCollectBatch(String collectId, byte[] batch) {
    return composeAsync(() -> collectBuffer(collectId).offer(batch));
  }

  private CollectBuffer collectBuffer(String collectId) {
    CollectBuffer buffer = collectBuffers.get(collectId);
    if (buffer == null) {
      throw new IllegalArgumentException(
          "No collect sink " + collectId + " in job " + jobGraph.jobId());
    }
    return buffer;
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
    if (status.isTerminal()
        || status == JobStatus.FAILING
        || status == JobStatus.CANCELLING
        || status == JobStatus.RESTARTING) {
      return; // the failures of other tasks during a restart are its consequences
    }
    if (status == JobStatus.RUNNING && restarts.restart(where, unwrap(cause), failedSubtasks)) {
      maybeComplete();
      return;
    }
    fail(where, unwrap(cause));
  }

  /** Fails the job for good (no restart), e.g. when its state cannot be restored. */
  private void failTerminally(Throwable cause) {
    fail("the restart", cause);
  }

  private void fail(String where, Throwable cause) {
    status = JobStatus.FAILING;
    failureCause = cause;
    failedTask = where;
    if (checkpointCoordinator != null) {
      checkpointCoordinator.stopPeriodic();
      checkpointCoordinator.abortAll("the job is failing");
    }
    cancelRunningTasks();
    maybeComplete();
  }

  private static Throwable unwrap(Throwable t) {
    return RestartController.unwrap(t);
  }

  private void cancelRunningTasks() {
    for (ExecutionVertex ev : executionGraph.all()) {
      if (!ev.getState().isTerminal()) {
        cancelAttempt(ev);
      }
    }
  }

  /** Cancels {@code ev}'s current attempt: its CANCELED report is then expected, not a failure. */
  private void cancelAttempt(ExecutionVertex ev) {
    ev.setState(ExecutionState.CANCELING);
    ev.getSlot().taskManager().cancelTask(ev.getAttemptId());
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

  /** The JobMaster as the restart controller acts on it. */
  private final class RestartActions implements RestartController.Job {
    @Override
    public JobStatus status() {
      return status;
    }

    @Override
    public void enterRestarting() {
      status = JobStatus.RESTARTING;
      if (checkpointCoordinator != null) {
        checkpointCoordinator.stopPeriodic();
        checkpointCoordinator.abortAll("the job restarts");
      }
      cancelRunningTasks();
    }

    @Override
    public CheckpointCoordinator checkpointCoordinator() {
      return checkpointCoordinator;
    }

    @Override
    public void cancel(ExecutionVertex ev) {
      cancelAttempt(ev);
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
      JobMaster.this.deploy(subtasks);
    }

    @Override
    public void failJob(String where, Throwable cause) {
      JobMaster.this.failJob(where, cause);
    }

    @Override
    public void failTerminally(Throwable cause) {
      JobMaster.this.failTerminally(cause);
    }

    @Override
    public void runAsync(Runnable action) {
      JobMaster.this.runAsync(action);
    }
  }

  /** The job's checkpoint history (empty if it takes no checkpoints). */
  public CompletableFuture<CheckpointStats> requestCheckpointStats() {
    return callAsync(
        () ->
            checkpointCoordinator == null
                ? new CheckpointStats(0, 0, List.of())
                : checkpointCoordinator.stats());
  }

  /** The job's id, name, status and times (for the job list). */
  public CompletableFuture<JobOverview> requestJobOverview() {
    return callAsync(this::overview);
  }

  private JobOverview overview() {
    return new JobOverview(jobGraph.jobId(), jobGraph.jobName(), status, submissionTime, endTime);
  }

  /** The job's vertices with their subtasks' current attempts, states and TaskManagers. */
  public CompletableFuture<JobDetails> requestJobDetails() {
    return callAsync(
        () -> {
          List<JobDetails.Vertex> vertices = new ArrayList<>();
          for (JobVertex v : jobGraph.vertices()) {
            List<JobDetails.Subtask> subtasks = new ArrayList<>();
            for (int s = 0; s < v.parallelism(); s++) {
              ExecutionVertex ev = executionGraph.get(v.index(), s);
              subtasks.add(
                  new JobDetails.Subtask(
                      s,
                      Math.max(ev.getAttemptNumber(), 0),
                      ev.getState().name(),
                      ev.getSlot() == null ? null : ev.getSlot().taskManager().getLocation()));
            }
            vertices.add(new JobDetails.Vertex(v.index(), v.name(), v.parallelism(), subtasks));
          }
          String failure = null;
          if (failureCause != null && status != JobStatus.RUNNING) {
            failure = describeFailure().lines().findFirst().orElse(null);
          }
          return new JobDetails(overview(), restarts.numberOfRestarts(), failure, vertices);
        });
  }

  /** How often the job restarted after failures. */
  public CompletableFuture<Integer> requestNumberOfRestarts() {
    return callAsync(restarts::numberOfRestarts);
  }

  private void maybeComplete() {
    if (restarts.subtasksEnded() || !executionGraph.allTerminal()) {
      return;
    }
    if (status == JobStatus.RUNNING) {
      status = JobStatus.FINISHED;
    } else if (status == JobStatus.FAILING) {
      status = JobStatus.FAILED;
    } else if (status == JobStatus.CANCELLING) {
      status = JobStatus.CANCELED;
    } else {
      return;
    }
    endTime = System.currentTimeMillis();
    cleanUp();
    long runtime = endTime - submissionTime;
    LOG.info("Job {} ({}) {} after {} ms", jobGraph.jobName(), jobGraph.jobId(), status, runtime);
    switch (status) {
      case FINISHED -> {
        Map<String, Object> values = new HashMap<>();
        accumulators.forEach((name, acc) -> values.put(name, acc.getLocalValue()));
        result.complete(new JobExecutionResult(jobGraph.jobId(), runtime, values));
      }
      case FAILED ->
          result.completeExceptionally(
              new JobExecutionException(
                  jobGraph.jobId(),
                  "Job '" + jobGraph.jobName() + "' failed: " + describeFailure(),
                  failureCause));
      default ->
          result.completeExceptionally(
              new JobExecutionException(
                  jobGraph.jobId(), "Job '" + jobGraph.jobName() + "' was cancelled.", null));
    }
  }

  private String describeFailure() {
    if (failureCause instanceof io.eddy.runtime.gateway.UserCodeException) {
      return failureCause.getMessage();
    }
    return failedTask + " failed: " + failureCause;
  }

  private void cleanUp() {
    Throwable collectFailure =
        status == JobStatus.FINISHED
            ? null
            : new JobExecutionException(
                jobGraph.jobId(),
                "Job '"
                    + jobGraph.jobName()
                    + "' "
                    + (status == JobStatus.FAILED
                        ? "failed: " + describeFailure()
                        : "was cancelled."),
                failureCause);
    collectBuffers.values().forEach(b -> b.end(collectFailure));
    if (checkpointCoordinator != null) {
      checkpointCoordinator.shutdown(status);
    }
    coordinators.closeAll();
    executionGraph.all().stream()
        .map(ev -> ev.getSlot() == null ? null : ev.getSlot().taskManager())
        .filter(java.util.Objects::nonNull)
        .distinct()
        .forEach(tm -> tm.jobEnded(jobGraph.jobId()));
    resourceManager.releaseSlots(jobGraph.jobId());
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
          collectBuffers.put(c.collectId(), new CollectBuffer(COLLECT_BUFFER_BYTES));
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
}
