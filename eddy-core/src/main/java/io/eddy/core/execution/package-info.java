/**
 * Between the API and the runtime: a job as a {@link Pipeline} with its {@link ExecutionConfig} and
 * {@link CheckpointingOptions}, submitted to a {@link PipelineExecutor} that {@link
 * PipelineExecutors} chooses (the runtime provides the embedded one through a service-loaded {@link
 * PipelineExecutorFactory}), and {@link SavepointRestoreSettings}. Internal to Eddy (public types
 * carry {@code @Internal}): it may import {@code io.eddy.api} and other {@code io.eddy.core}
 * packages, never the runtime.
 */
package io.eddy.core.execution;
