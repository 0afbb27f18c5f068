/**
 * The runtime's side of submitting a job: the {@code PipelineExecutor}s eddy-core finds ({@link
 * EmbeddedExecutorFactory}, {@link MiniClusterExecutor} for the embedded cluster, {@link
 * DispatcherExecutor} for a JobManager running a client's jar) compile a pipeline into a job graph
 * and submit it; {@link ClusterJobClient} is the user's {@code JobClient}, and {@link
 * CollectIterator} fetches collect-sink batches for {@code executeAndCollect}. Below {@code
 * entrypoint}: it may import {@code minicluster} and every layer under it, never {@code
 * entrypoint}.
 */
package io.eddy.runtime.client;
