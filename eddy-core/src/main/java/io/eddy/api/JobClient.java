package io.eddy.api;

import java.util.concurrent.CompletableFuture;

/** A handle on a submitted job. */
public interface JobClient {
  String getJobId();

  CompletableFuture<JobStatus> getJobStatus();

  CompletableFuture<Void> cancel();

  /**
   * Completes with the result when the job finishes, or exceptionally with a {@link
   * JobExecutionException} when it fails or is cancelled.
   */
  CompletableFuture<JobExecutionResult> getJobExecutionResult();
}
