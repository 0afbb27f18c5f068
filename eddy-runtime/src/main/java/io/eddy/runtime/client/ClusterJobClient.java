package io.eddy.runtime.client;

import io.eddy.api.CloseableIterator;
import io.eddy.api.JobClient;
import io.eddy.api.JobExecutionResult;
import io.eddy.api.JobStatus;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.execution.CollectSupport;
import io.eddy.runtime.gateway.DispatcherGateway;
import java.util.concurrent.CompletableFuture;

/** A {@link JobClient} that talks to a dispatcher gateway (in-JVM or remote). */
public final class ClusterJobClient implements JobClient, CollectSupport {
  private final DispatcherGateway dispatcher;
  private final String jobId;
  private final CompletableFuture<JobExecutionResult> result;

  public ClusterJobClient(DispatcherGateway dispatcher, String jobId) {
    this.dispatcher = dispatcher;
    this.jobId = jobId;
    this.result = dispatcher.requestJobResult(jobId);
  }

  @Override
  public String getJobId() {
    return jobId;
  }

  @Override
  public CompletableFuture<JobStatus> getJobStatus() {
    return dispatcher.requestJobStatus(jobId);
  }

  @Override
  public CompletableFuture<Void> cancel() {
    return dispatcher.cancelJob(jobId);
  }

  @Override
  public CompletableFuture<String> triggerSavepoint(String directory) {
    return dispatcher.triggerSavepoint(jobId, directory);
  }

  @Override
  public CompletableFuture<String> stopWithSavepoint(boolean drain, String directory) {
    return dispatcher.stopWithSavepoint(jobId, directory, drain);
  }

  @Override
  public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
    return result;
  }

  @Override
  public <T> CloseableIterator<T> collect(String collectId, TypeSerializer<T> serializer) {
    return new CollectIterator<>(
        this, () -> dispatcher.fetchCollectBatch(jobId, collectId), serializer);
  }
}
