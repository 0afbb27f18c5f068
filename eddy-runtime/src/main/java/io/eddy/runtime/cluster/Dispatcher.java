package io.eddy.runtime.cluster;

import io.eddy.api.JobExecutionResult;
import io.eddy.api.JobStatus;
import io.eddy.runtime.graph.JobGraph;
import io.eddy.runtime.scheduler.JobMaster;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Accepts jobs and runs a {@link JobMaster} for each. */
public final class Dispatcher implements DispatcherGateway, AutoCloseable {
  private final ResourceManager resourceManager;
  private final LibraryCache libraryCache;
  private final Map<String, JobMaster> jobs = new ConcurrentHashMap<>();

  public Dispatcher(ResourceManager resourceManager, LibraryCache libraryCache) {
    this.resourceManager = resourceManager;
    this.libraryCache = libraryCache;
  }

  @Override
  public CompletableFuture<String> submitJob(JobGraph jobGraph) {
    JobMaster jobMaster =
        new JobMaster(jobGraph, resourceManager, libraryCache.get(jobGraph.jobId()));
    jobs.put(jobGraph.jobId(), jobMaster);
    // A finished job's JobMaster stays, so clients can still fetch its results and status.
    jobMaster.getResultFuture().whenComplete((r, e) -> libraryCache.release(jobGraph.jobId()));
    return jobMaster
        .start()
        .handle(
            (ok, error) -> {
              if (error != null) {
                jobs.remove(jobGraph.jobId());
                jobMaster.close();
                Throwable cause =
                    error instanceof java.util.concurrent.CompletionException
                            && error.getCause() != null
                        ? error.getCause()
                        : error;
                throw new java.util.concurrent.CompletionException(
                    new JobSubmissionException(
                        "Could not start job '" + jobGraph.jobName() + "': " + cause.getMessage(),
                        cause));
              }
              return jobGraph.jobId();
            });
  }

  @Override
  public CompletableFuture<JobStatus> requestJobStatus(String jobId) {
    return jobMaster(jobId).requestJobStatus();
  }

  @Override
  public CompletableFuture<Void> cancelJob(String jobId) {
    return jobMaster(jobId).cancel();
  }

  @Override
  public CompletableFuture<JobExecutionResult> requestJobResult(String jobId) {
    return jobMaster(jobId).getResultFuture();
  }

  @Override
  public CompletableFuture<byte[]> fetchCollectBatch(String jobId, String collectId) {
    return jobMaster(jobId).fetchCollectBatch(collectId);
  }

  private JobMaster jobMaster(String jobId) {
    JobMaster jm = jobs.get(jobId);
    if (jm == null) {
      throw new IllegalArgumentException("No job with id " + jobId + " is known to this cluster.");
    }
    return jm;
  }

  @Override
  public void close() {
    jobs.values().forEach(JobMaster::cancel);
  }
}
