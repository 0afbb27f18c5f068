package io.eddy.core.execution;

import java.util.ServiceLoader;

/**
 * Chooses the executor an environment submits to: one set by a test or the CLI for the current
 * thread's context, else the embedded cluster provided by the runtime.
 */
public final class PipelineExecutors {
  private static volatile PipelineExecutor contextExecutor;
  private static volatile int contextParallelism;

  private PipelineExecutors() {}

  /** Makes every environment created afterwards submit to {@code executor} (null resets). */
  public static void setContextExecutor(PipelineExecutor executor) {
    contextExecutor = executor;
  }

  /**
   * Makes {@code parallelism} the default of environments created afterwards (the CLI's {@code
   * -p}); 0 resets to the number of CPU cores.
   */
  public static void setContextParallelism(int parallelism) {
    contextParallelism = parallelism;
  }

  /** The default parallelism of a new environment. */
  public static int defaultParallelism() {
    int p = contextParallelism;
    return p > 0 ? p : Runtime.getRuntime().availableProcessors();
  }

  public static PipelineExecutor current() {
    PipelineExecutor context = contextExecutor;
    if (context != null) {
      return context;
    }
    for (PipelineExecutorFactory factory : ServiceLoader.load(PipelineExecutorFactory.class)) {
      return factory.createEmbedded();
    }
    throw new IllegalStateException(
        "No Eddy runtime on the class path: add the io.eddy:eddy-runtime dependency to run jobs.");
  }
}
