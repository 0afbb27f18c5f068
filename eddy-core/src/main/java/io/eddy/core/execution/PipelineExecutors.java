package io.eddy.core.execution;

import io.eddy.api.annotation.Internal;
import java.util.ServiceLoader;

/**
 * Chooses the executor an environment submits to: one set by a test or the CLI for the current
 * thread's context, else the embedded cluster provided by the runtime.
 */
@Internal
public final class PipelineExecutors {
  private static volatile PipelineExecutor contextExecutor;
  private static volatile int contextParallelism;
  private static final ThreadLocal<PipelineExecutor> threadExecutor = new ThreadLocal<>();
  private static final ThreadLocal<Integer> threadParallelism = new ThreadLocal<>();

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

  /**
   * Like {@link #setContextExecutor} and {@link #setContextParallelism}, but only for environments
   * created on the current thread; it wins over the process-wide context. A JobManager running
   * several clients' job jars at once gives each its own. {@link #clearThreadContext()} resets.
   */
  public static void setThreadContext(PipelineExecutor executor, int parallelism) {
    threadExecutor.set(executor);
    threadParallelism.set(parallelism);
  }

  public static void clearThreadContext() {
    threadExecutor.remove();
    threadParallelism.remove();
  }

  /** The default parallelism of a new environment. */
  public static int defaultParallelism() {
    Integer own = threadParallelism.get();
    int p = own != null && own > 0 ? own : contextParallelism;
    return p > 0 ? p : Runtime.getRuntime().availableProcessors();
  }

  public static PipelineExecutor current() {
    PipelineExecutor own = threadExecutor.get();
    if (own != null) {
      return own;
    }
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
