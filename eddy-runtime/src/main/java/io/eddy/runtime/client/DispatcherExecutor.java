package io.eddy.runtime.client;

import io.eddy.api.JobClient;
import io.eddy.core.execution.CheckpointingOptions;
import io.eddy.core.execution.ExecutionConfig;
import io.eddy.core.execution.Pipeline;
import io.eddy.core.execution.PipelineExecutor;
import io.eddy.core.execution.SavepointRestoreSettings;
import io.eddy.runtime.cluster.LibraryCache;
import io.eddy.runtime.compiler.JobGraphBuilder;
import io.eddy.runtime.compiler.StreamGraphGenerator;
import io.eddy.runtime.gateway.DispatcherGateway;
import io.eddy.runtime.graph.JobGraph;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Submits pipelines to a dispatcher that someone else owns (the JobManager running a job jar's main
 * for a client). The job's class loader is the submitting thread's context loader, registered with
 * the jars it was loaded from (the blob store serves them to the TaskManagers); the cluster's
 * defaults fill in what the job left open: a savepoint to restore from (the client's {@code
 * --savepoint}, which wins over the job's own) and the checkpoint directory.
 */
public final class DispatcherExecutor implements PipelineExecutor {
  private final DispatcherGateway dispatcher;
  private final LibraryCache libraryCache;
  private final SavepointRestoreSettings savepoint;
  private final String defaultCheckpointDirectory;
  private final Consumer<String> onSubmitted;
  private final List<Path> jars;

  /** An executor whose jobs have no jar files of their own. */
  public DispatcherExecutor(
      DispatcherGateway dispatcher,
      LibraryCache libraryCache,
      SavepointRestoreSettings savepoint,
      String defaultCheckpointDirectory,
      Consumer<String> onSubmitted) {
    this(dispatcher, libraryCache, savepoint, defaultCheckpointDirectory, onSubmitted, List.of());
  }

  /**
   * @param savepoint restore every job from here, or {@link SavepointRestoreSettings#NONE}
   * @param defaultCheckpointDirectory checkpoint root of jobs that set none, or null
   * @param onSubmitted told each accepted job's id
   * @param jars the jar files the submitting thread's context loader loads the jobs' code from
   */
  public DispatcherExecutor(
      DispatcherGateway dispatcher,
      LibraryCache libraryCache,
      SavepointRestoreSettings savepoint,
      String defaultCheckpointDirectory,
      Consumer<String> onSubmitted,
      List<Path> jars) {
    this.dispatcher = dispatcher;
    this.libraryCache = libraryCache;
    this.savepoint = savepoint;
    this.defaultCheckpointDirectory = defaultCheckpointDirectory;
    this.onSubmitted = onSubmitted;
    this.jars = List.copyOf(jars);
  }

  @Override
  public CompletableFuture<JobClient> execute(Pipeline pipeline) {
    Pipeline withDefaults = withDefaults(pipeline, savepoint, defaultCheckpointDirectory);
    JobGraph jobGraph = JobGraphBuilder.build(StreamGraphGenerator.generate(withDefaults));
    ClassLoader userCode = Thread.currentThread().getContextClassLoader();
    if (userCode != null) {
      libraryCache.register(jobGraph.jobId(), userCode, jars);
    }
    return dispatcher
        .submitJob(jobGraph)
        .handle(
            (id, error) -> {
              if (error != null) {
                libraryCache.release(jobGraph.jobId());
                throw error instanceof CompletionException c ? c : new CompletionException(error);
              }
              onSubmitted.accept(id);
              return new ClusterJobClient(dispatcher, id);
            });
  }

  /**
   * {@code pipeline} restoring from {@code savepoint} (unless that is NONE) and checkpointing into
   * {@code checkpointDirectory} if it checkpoints and names no directory (unless that is null).
   */
  public static Pipeline withDefaults(
      Pipeline pipeline, SavepointRestoreSettings savepoint, String checkpointDirectory) {
    ExecutionConfig c = pipeline.config();
    SavepointRestoreSettings restore =
        savepoint != null && savepoint.restoreSavepoint() ? savepoint : c.savepointRestore();
    CheckpointingOptions cp = c.checkpointing();
    if (checkpointDirectory != null && cp.enabled() && cp.storageDirectory() == null) {
      cp =
          new CheckpointingOptions(
              cp.intervalMillis(),
              cp.mode(),
              cp.timeoutMillis(),
              cp.minPauseMillis(),
              cp.maxConcurrent(),
              cp.tolerableFailures(),
              cp.unaligned(),
              cp.alignedTimeoutMillis(),
              checkpointDirectory,
              cp.retainOnCancel(),
              cp.retainedCheckpoints());
    }
    ExecutionConfig config =
        new ExecutionConfig(
            c.parallelism(),
            c.maxParallelism(),
            c.bufferTimeoutMillis(),
            c.autoWatermarkIntervalMillis(),
            cp,
            restore,
            c.restartStrategy(),
            c.windowPreAggregation(),
            c.stateBackend());
    return new Pipeline(pipeline.jobName(), pipeline.sinks(), config);
  }
}
