package io.eddy.runtime.gateway;

import io.eddy.api.JobExecutionResult;
import io.eddy.api.JobStatus;
import io.eddy.runtime.graph.JobGraph;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * How clients talk to the JobManager. A request about a job id the cluster does not know fails with
 * {@link UnknownJobException} (thrown, or as the future's cause).
 */
public interface DispatcherGateway {
  /** Accepts a job; fails if it cannot start (no resources, a source that cannot open). */
  CompletableFuture<String> submitJob(JobGraph jobGraph);

  CompletableFuture<JobStatus> requestJobStatus(String jobId);

  CompletableFuture<Void> cancelJob(String jobId);

  /** Completes when the job ends: the result, or a JobExecutionException. */
  CompletableFuture<JobExecutionResult> requestJobResult(String jobId);

  /**
   * The next batch of a collect sink's records; completes when one is available, with null when the
   * sink has finished and everything was fetched.
   */
  CompletableFuture<byte[]> fetchCollectBatch(String jobId, String collectId);

  /** The checkpoint history of a job. */
  CompletableFuture<CheckpointStats> requestCheckpointStats(String jobId);

  /** How often a job restarted after failures. */
  CompletableFuture<Integer> requestNumberOfRestarts(String jobId);

  /** Takes a savepoint of a running job into {@code directory}; completes with its path. */
  CompletableFuture<String> triggerSavepoint(String jobId, String directory);

  /** Every job this cluster knows (running, and the most recent finished ones), oldest first. */
  CompletableFuture<List<JobOverview>> requestJobOverviews();

  /** A job's vertices, subtasks, their states and TaskManagers. */
  CompletableFuture<JobDetails> requestJobDetails(String jobId);

  /** The TaskManagers registered at the ResourceManager, with their slots. */
  CompletableFuture<List<TaskManagerInfo>> requestTaskManagers();

  /** Takes a savepoint and stops the job (see JobMaster#stopWithSavepoint). */
  CompletableFuture<String> stopWithSavepoint(String jobId, String directory, boolean drain);
}
