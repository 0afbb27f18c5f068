package io.eddy.api;

import io.eddy.api.annotation.Public;
import java.util.concurrent.CompletableFuture;

/** A handle on a submitted job. */
@Public
public interface JobClient {
  String getJobId();

  CompletableFuture<JobStatus> getJobStatus();

  CompletableFuture<Void> cancel();

  /**
   * Takes a savepoint of the running job (checkpointing must be enabled) into a new folder in
   * {@code directory}; completes with the savepoint's path, from which a job can start.
   */
  CompletableFuture<String> triggerSavepoint(String directory);

  /**
   * Takes a savepoint, then ends the job. Sources emit nothing after the savepoint's barrier, so
   * the savepoint has everything; with {@code advanceToEndOfEventTime} (drain) event time first
   * ends, firing all timers and windows. Completes with the savepoint's path.
   */
  CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime, String directory);

  /**
   * Completes with the result when the job finishes, or exceptionally with a {@link
   * JobExecutionException} when it fails or is cancelled.
   */
  CompletableFuture<JobExecutionResult> getJobExecutionResult();
}
