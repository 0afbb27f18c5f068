package io.eddy.core.execution;

import io.eddy.api.JobClient;
import io.eddy.api.annotation.Internal;
import java.util.concurrent.CompletableFuture;

/**
 * Submits a {@link Pipeline} to a cluster: the embedded one or a remote one. Implemented by the
 * runtime and found through {@link PipelineExecutors}.
 */
@Internal
public interface PipelineExecutor {
  CompletableFuture<JobClient> execute(Pipeline pipeline) throws Exception;
}
