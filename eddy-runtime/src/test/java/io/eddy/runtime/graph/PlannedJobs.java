package io.eddy.runtime.graph;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.core.execution.Pipeline;
import io.eddy.core.execution.PipelineExecutors;
import io.eddy.runtime.compiler.JobGraphBuilder;
import io.eddy.runtime.compiler.StreamGraph;
import io.eddy.runtime.compiler.StreamGraphGenerator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** The graphs a job definition compiles to, without running it (for tests). */
public final class PlannedJobs {
  private PlannedJobs() {}

  /** The stream graph of {@code job}, defined on an environment of {@code parallelism}. */
  public static StreamGraph streamGraph(int parallelism, Consumer<StreamExecutionEnvironment> job) {
    AtomicReference<Pipeline> captured = new AtomicReference<>();
    PipelineExecutors.setContextExecutor(
        pipeline -> {
          captured.set(pipeline);
          return CompletableFuture.failedFuture(new IllegalStateException("compiled only"));
        });
    try {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(parallelism);
      job.accept(env);
      try {
        env.executeAsync("test");
      } catch (Exception expected) {
        // the capturing executor never runs the job
      }
    } finally {
      PipelineExecutors.setContextExecutor(null);
    }
    return StreamGraphGenerator.generate(captured.get());
  }

  /** The job graph of {@code job}, defined on an environment of {@code parallelism}. */
  public static JobGraph jobGraph(int parallelism, Consumer<StreamExecutionEnvironment> job) {
    return JobGraphBuilder.build(streamGraph(parallelism, job));
  }
}
