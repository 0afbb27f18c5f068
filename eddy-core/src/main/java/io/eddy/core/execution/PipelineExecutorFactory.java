package io.eddy.core.execution;

import io.eddy.api.annotation.Internal;

/** Service-loaded factory of the default (embedded) executor; the runtime provides one. */
@Internal
public interface PipelineExecutorFactory {
  /** The executor for a fresh embedded cluster sized for the given parallelism. */
  PipelineExecutor createEmbedded();
}
