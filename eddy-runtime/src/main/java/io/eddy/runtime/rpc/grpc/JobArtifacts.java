package io.eddy.runtime.rpc.grpc;

import java.util.concurrent.CompletableFuture;

/** Makes a job's code available on a TaskManager before the job's tasks are submitted there. */
@FunctionalInterface
public interface JobArtifacts {
  /** Nothing to prepare: the job's code is already loaded here. */
  JobArtifacts NONE = (jobId, jobManagerAddress) -> CompletableFuture.completedFuture(null);

  /**
   * Completes when the classes of {@code jobId} can be loaded here; fails with a one-line error.
   *
   * @param jobManagerAddress the gRPC target of the JobManager that runs the job
   */
  CompletableFuture<Void> prepare(String jobId, String jobManagerAddress);

  /** The job ended: what {@link #prepare} fetched for it may go. */
  default void release(String jobId) {}
}
