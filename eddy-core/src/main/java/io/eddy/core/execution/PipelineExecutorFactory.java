package io.eddy.core.execution;

/** Service-loaded factory of the default (embedded) executor; the runtime provides one. */
public interface PipelineExecutorFactory {
  /** The executor for a fresh embedded cluster sized for the given parallelism. */
  PipelineExecutor createEmbedded();
}
