package io.eddy.runtime.scheduler;

import io.eddy.api.JobExecutionException;
import io.eddy.api.JobExecutionResult;
import io.eddy.api.JobStatus;
import io.eddy.api.common.accumulators.Accumulator;
import io.eddy.core.dag.ops.Specs;
import io.eddy.runtime.cluster.JobMasterGateway;
import io.eddy.runtime.cluster.ResourceManager;
import io.eddy.runtime.cluster.Slot;
import io.eddy.runtime.cluster.TaskExecutorGateway;
import io.eddy.runtime.graph.JobGraph;
import io.eddy.runtime.graph.JobVertex;
import io.eddy.runtime.graph.OperatorConfig;
import io.eddy.runtime.graph.SourceSpec;
import io.eddy.runtime.graph.UserCodeSerialization;
import io.eddy.runtime.graph.VertexConfig;
import io.eddy.runtime.rpc.RpcEndpoint;
import io.eddy.runtime.source.OperatorEvent;
import io.eddy.runtime.source.SourceCoordinator;
import io.eddy.runtime.task.ExecutionState;
import io.eddy.runtime.task.TaskExecutionState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job: takes slots, starts the source coordinators, deploys every subtask, follows their
 * states, and ends the job when all finished or one failed (then it cancels the rest). All state
 * lives on the JobMaster's main thread.
 *
 * <pre>
 * CREATED ─▶ RUNNING ─▶ FINISHED
 *               ├─────▶ FAILING ─▶ FAILED      (a task failed; the others are cancelled)
 *               └─────▶ CANCELLING ─▶ CANCELED
 * </pre>
 */
public final class JobMaster extends RpcEndpoint implements JobMasterGateway {
  private static final Logger LOG = LoggerFactory.getLogger(JobMaster.class);
  private static final long COLLECT_BUFFER_BYTES = 8L << 20;

  private final JobGraph jobGraph;
  private final ResourceManager resourceManager;
  private final ClassLoader userCodeClassLoader;
  private final ExecutionGraph executionGraph;
  private final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
  private final Map<Integer, SourceCoordinator<?, ?>> coordinators = new HashMap<>();
  private final Map<String, CollectBuffer> collectBuffers = new HashMap<>();
  private final Map<String, Accumulator<?, ?>> accumulators = new HashMap<>();
  private final long submissionTime = System.currentTimeMillis();
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
              registerCollectSinksAndCoordinators();
              CompletableFuture<?>[] started =
                  coordinators.values().stream()
                      .map(SourceCoordinator::start)
                      .toArray(CompletableFuture[]::new);
              return CompletableFuture.allOf(started);
            })
        .thenCompose(ignored -> runAsync(this::deployAll))
        .whenComplete(
            (ok, error) -> {
              if (error != null) {
                runAsync(() -> cleanUp());
              }
            });
  }

  private void deployAll() {
    status = JobStatus.RUNNING;
    LOG.info(
        "Job {} ({}) is running: {}",
        jobGraph.jobName(),
        jobGraph.jobId(),
        jobGraph.vertices().stream().map(JobVertex::name).toList());
    for (ExecutionVertex ev : executionGraph.all()) {
      ev.getSlot()
          .taskManager()
          .submitTask(executionGraph.deploymentDescriptor(ev), this)
          .whenComplete(
              (ok, e) -> {
                if (e != null) {
                  runAsync(() -> failJob(ev, e));
                }
              });
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
          if (status == JobStatus.RUNNING || status == JobStatus.CREATED) {
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
          ev.setState(update.state());
          if (update.state() == ExecutionState.FINISHED && update.accumulators() != null) {
            mergeAccumulators(update.accumulators());
          } else if (update.state() == ExecutionState.FAILED) {
            failJob(ev, update.failure());
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
          if (ev == null || coordinator == null) {
            return CompletableFuture.completedFuture(null);
          }
          return coordinator
              .handleEvent(ev.getSubtaskIndex(), event)
              .whenComplete(
                  (ok, e) -> {
                    if (e != null) {
                      runAsync(() -> failJob(ev, e));
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

  private void failJob(ExecutionVertex ev, Throwable cause) {
    if (status.isTerminal() || status == JobStatus.FAILING) {
      return;
    }
    status = JobStatus.FAILING;
    failureCause = unwrap(cause);
    JobVertex v = jobGraph.vertices().get(ev.getVertexIndex());
    failedTask = v.name() + " (" + (ev.getSubtaskIndex() + 1) + "/" + v.parallelism() + ")";
    cancelRunningTasks();
    maybeComplete();
  }

  private static Throwable unwrap(Throwable t) {
    while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private void cancelRunningTasks() {
    for (ExecutionVertex ev : executionGraph.all()) {
      if (!ev.getState().isTerminal()) {
        ev.getSlot().taskManager().cancelTask(ev.getAttemptId());
      }
    }
  }

  private void maybeComplete() {
    for (ExecutionVertex ev : executionGraph.all()) {
      if (!ev.getState().isTerminal()) {
        return;
      }
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
    cleanUp();
    long runtime = System.currentTimeMillis() - submissionTime;
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
    if (failureCause instanceof io.eddy.runtime.operators.UserCodeException) {
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
    for (SourceCoordinator<?, ?> c : coordinators.values()) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("Closing a source coordinator failed", e);
      }
    }
    executionGraph.all().stream()
        .map(ev -> ev.getSlot() == null ? null : ev.getSlot().taskManager())
        .filter(java.util.Objects::nonNull)
        .distinct()
        .forEach(tm -> tm.releaseJob(jobGraph.jobId()));
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

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void registerCollectSinksAndCoordinators() {
    for (JobVertex v : jobGraph.vertices()) {
      VertexConfig config = readConfig(v, userCodeClassLoader);
      for (OperatorConfig oc : config.operators()) {
        if (oc.spec() instanceof Specs.Collect<?> c) {
          collectBuffers.put(c.collectId(), new CollectBuffer(COLLECT_BUFFER_BYTES));
        }
      }
      if (config.operators().get(0).spec() instanceof SourceSpec<?> s) {
        int vertexIndex = v.index();
        coordinators.put(
            vertexIndex,
            new SourceCoordinator(
                v.operatorNames().get(0),
                s.source(),
                v.parallelism(),
                (subtask, event) ->
                    runAsync(
                        () -> sendToSubtask(vertexIndex, (Integer) subtask, (OperatorEvent) event)),
                error ->
                    runAsync(
                        () -> failJob(executionGraph.get(vertexIndex, 0), (Throwable) error))));
      }
    }
  }

  private void sendToSubtask(int vertexIndex, int subtask, OperatorEvent event) {
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
