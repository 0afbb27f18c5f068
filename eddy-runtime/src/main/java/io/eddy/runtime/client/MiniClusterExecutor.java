package io.eddy.runtime.client;

import io.eddy.api.JobClient;
import io.eddy.core.execution.Pipeline;
import io.eddy.core.execution.PipelineExecutor;
import io.eddy.runtime.compiler.JobGraphBuilder;
import io.eddy.runtime.compiler.StreamGraphGenerator;
import io.eddy.runtime.graph.JobGraph;
import io.eddy.runtime.minicluster.MiniCluster;
import io.eddy.runtime.minicluster.MiniClusterConfig;
import io.eddy.runtime.scheduler.ExecutionGraph;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * Runs pipelines on an embedded cluster: either a shared one (tests) or, by default, a fresh one
 * per job sized to the job's slot needs and shut down when the job ends.
 */
public final class MiniClusterExecutor implements PipelineExecutor {
  private final MiniCluster shared;
  private final IntFunction<MiniClusterConfig> perJobConfig;

  private MiniClusterExecutor(MiniCluster shared, IntFunction<MiniClusterConfig> perJobConfig) {
    this.shared = shared;
    this.perJobConfig = perJobConfig;
  }

  /** Submits every job to {@code cluster}, which the caller owns. */
  public static MiniClusterExecutor onCluster(MiniCluster cluster) {
    return new MiniClusterExecutor(cluster, null);
  }

  /** Starts a cluster per job from {@code configForSlots} (given the slots the job needs). */
  public static MiniClusterExecutor perJob(IntFunction<MiniClusterConfig> configForSlots) {
    return new MiniClusterExecutor(null, configForSlots);
  }

  @Override
  public CompletableFuture<JobClient> execute(Pipeline pipeline) {
    JobGraph jobGraph = JobGraphBuilder.build(StreamGraphGenerator.generate(pipeline));
    MiniCluster cluster =
        shared != null
            ? shared
            : new MiniCluster(perJobConfig.apply(new ExecutionGraph(jobGraph).requiredSlots()));
    ClassLoader userCode = Thread.currentThread().getContextClassLoader();
    if (userCode != null) {
      cluster.getLibraryCache().register(jobGraph.jobId(), userCode);
    }
    CompletableFuture<JobClient> client =
        cluster
            .getDispatcher()
            .submitJob(jobGraph)
            .thenApply(id -> new ClusterJobClient(cluster.getDispatcher(), id));
    if (shared == null) {
      client.whenComplete(
          (c, e) -> {
            if (e != null) {
              cluster.close();
            } else {
              c.getJobExecutionResult().whenComplete((r, f) -> cluster.close());
            }
          });
    }
    return client;
  }
}
