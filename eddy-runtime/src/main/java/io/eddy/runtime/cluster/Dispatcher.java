package io.eddy.runtime.cluster;

import io.eddy.api.JobExecutionResult;
import io.eddy.api.JobStatus;
import io.eddy.runtime.gateway.CheckpointStats;
import io.eddy.runtime.gateway.DispatcherGateway;
import io.eddy.runtime.gateway.JobDetails;
import io.eddy.runtime.gateway.JobMasterGateway;
import io.eddy.runtime.gateway.JobOverview;
import io.eddy.runtime.gateway.JobSubmissionException;
import io.eddy.runtime.gateway.TaskExecutorGateway;
import io.eddy.runtime.gateway.TaskManagerInfo;
import io.eddy.runtime.gateway.UnknownJobException;
import io.eddy.runtime.graph.JobGraph;
import io.eddy.runtime.jobmaster.JobMaster;
import io.eddy.runtime.time.Clock;
import io.eddy.runtime.time.SystemClock;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Accepts jobs and runs a {@link JobMaster} for each. A finished job's JobMaster stays, so clients
 * can still fetch its result, status and collected records; only the most recent {@value
 * #FINISHED_JOBS_KEPT} finished jobs are kept.
 */
public final class Dispatcher implements DispatcherGateway, AutoCloseable {
  static final int FINISHED_JOBS_KEPT = 64;

  /** Runs the JobMasters' timers on the system clock (they only post to their main threads). */
  private static final ScheduledThreadPoolExecutor SYSTEM_TIMER = systemTimer();

  private final ResourceManager resourceManager;
  private final LibraryCache libraryCache;
  private final Map<String, JobMaster> jobs = new ConcurrentHashMap<>();
  private final ArrayDeque<String> finished = new ArrayDeque<>();
  private final Clock clock;

  /**
   * @param clock the JobMasters' time (checkpoint triggers and timeouts, job times), or null for
   *     the system clock
   */
  public Dispatcher(ResourceManager resourceManager, LibraryCache libraryCache, Clock clock) {
    this.resourceManager = resourceManager;
    this.libraryCache = libraryCache;
    this.clock = clock != null ? clock : new SystemClock(SYSTEM_TIMER);
    resourceManager.addListener(
        new ResourceManager.Listener() {
          @Override
          public void taskManagerRegistered(TaskExecutorGateway taskManager) {
            jobs.values().forEach(JobMaster::slotsMayBeAvailable);
          }

          @Override
          public void taskManagerLost(TaskExecutorGateway taskManager, String reason) {
            jobs.values().forEach(jm -> jm.taskManagerLost(taskManager, reason));
          }
        });
  }

  @Override
  public CompletableFuture<String> submitJob(JobGraph jobGraph) {
    if (!libraryCache.contains(jobGraph.jobId())) {
      // The JobManager's blob store answers for every job it runs: this one has no jars.
      libraryCache.register(jobGraph.jobId(), LibraryCache.class.getClassLoader());
    }
    JobMaster jobMaster =
        new JobMaster(jobGraph, resourceManager, libraryCache.get(jobGraph.jobId()), clock);
    jobs.put(jobGraph.jobId(), jobMaster);
    jobMaster.getResultFuture().whenComplete((r, e) -> jobEnded(jobGraph.jobId()));
    return jobMaster
        .start()
        .handle(
            (ok, error) -> {
              if (error != null) {
                jobs.remove(jobGraph.jobId());
                libraryCache.release(jobGraph.jobId());
                jobMaster.close();
                Throwable cause =
                    error instanceof CompletionException && error.getCause() != null
                        ? error.getCause()
                        : error;
                throw new CompletionException(
                    new JobSubmissionException(
                        "Could not start job '" + jobGraph.jobName() + "': " + cause.getMessage(),
                        cause));
              }
              return jobGraph.jobId();
            });
  }

  private void jobEnded(String jobId) {
    libraryCache.release(jobId);
    synchronized (finished) {
      finished.add(jobId);
      while (finished.size() > FINISHED_JOBS_KEPT) {
        JobMaster oldest = jobs.remove(finished.poll());
        if (oldest != null) {
          oldest.close();
        }
      }
    }
  }

  @Override
  public CompletableFuture<JobStatus> requestJobStatus(String jobId) {
    return jobMaster(jobId).requestJobStatus();
  }

  @Override
  public CompletableFuture<Void> cancelJob(String jobId) {
    return jobMaster(jobId).cancel();
  }

  @Override
  public CompletableFuture<JobExecutionResult> requestJobResult(String jobId) {
    return jobMaster(jobId).getResultFuture();
  }

  @Override
  public CompletableFuture<byte[]> fetchCollectBatch(String jobId, String collectId) {
    return jobMaster(jobId).fetchCollectBatch(collectId);
  }

  @Override
  public CompletableFuture<CheckpointStats> requestCheckpointStats(String jobId) {
    return jobMaster(jobId).requestCheckpointStats();
  }

  @Override
  public CompletableFuture<Integer> requestNumberOfRestarts(String jobId) {
    return jobMaster(jobId).requestNumberOfRestarts();
  }

  @Override
  public CompletableFuture<String> triggerSavepoint(String jobId, String directory) {
    return jobMaster(jobId).triggerSavepoint(directory);
  }

  @Override
  public CompletableFuture<String> stopWithSavepoint(
      String jobId, String directory, boolean drain) {
    return jobMaster(jobId).stopWithSavepoint(directory, drain);
  }

  /** The JobMaster of {@code jobId} as the control plane reaches it, or null if there is none. */
  public JobMasterGateway findJobMaster(String jobId) {
    return jobs.get(jobId);
  }

  @Override
  public CompletableFuture<List<JobOverview>> requestJobOverviews() {
    List<CompletableFuture<JobOverview>> each =
        jobs.values().stream().map(JobMaster::requestJobOverview).toList();
    return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
        .thenApply(
            ignored ->
                each.stream()
                    .map(CompletableFuture::join)
                    .sorted(
                        Comparator.comparingLong(JobOverview::startTime)
                            .thenComparing(JobOverview::jobId))
                    .toList());
  }

  @Override
  public CompletableFuture<JobDetails> requestJobDetails(String jobId) {
    return jobMaster(jobId).requestJobDetails();
  }

  @Override
  public CompletableFuture<List<TaskManagerInfo>> requestTaskManagers() {
    return CompletableFuture.completedFuture(resourceManager.getTaskManagers());
  }

  private JobMaster jobMaster(String jobId) {
    JobMaster jm = jobs.get(jobId);
    if (jm == null) {
      throw new UnknownJobException(jobId);
    }
    return jm;
  }

  @Override
  public void close() {
    jobs.values().forEach(JobMaster::cancel);
  }

  private static ScheduledThreadPoolExecutor systemTimer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "jobmaster-timer");
              t.setDaemon(true);
              return t;
            });
    timer.setRemoveOnCancelPolicy(true); // checkpoint timeouts are cancelled when they complete
    return timer;
  }
}
