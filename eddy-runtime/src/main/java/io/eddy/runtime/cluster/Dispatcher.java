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
import io.eddy.runtime.ha.HighAvailabilityServices;
import io.eddy.runtime.ha.JobGraphStore;
import io.eddy.runtime.ha.LeadershipLostException;
import io.eddy.runtime.ha.NoHighAvailabilityServices;
import io.eddy.runtime.jobmaster.JobMaster;
import io.eddy.runtime.scheduler.ExecutionGraph;
import io.eddy.runtime.time.Clock;
import io.eddy.runtime.time.SystemClock;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts jobs and runs a {@link JobMaster} for each. A finished job's JobMaster stays, so clients
 * can still fetch its result, status and collected records; only the most recent {@value
 * #FINISHED_JOBS_KEPT} finished jobs are kept.
 */
public final class Dispatcher implements DispatcherGateway, AutoCloseable {
  static final int FINISHED_JOBS_KEPT = 64;
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  /** Runs the JobMasters' timers on the system clock (they only post to their main threads). */
  private static final ScheduledThreadPoolExecutor SYSTEM_TIMER = systemTimer();

  private final ResourceManager resourceManager;
  private final LibraryCache libraryCache;
  private final Map<String, JobMaster> jobs = new ConcurrentHashMap<>();
  private final ArrayDeque<String> finished = new ArrayDeque<>();
  private final Clock clock;
  private final HighAvailabilityServices ha;

  /** Jobs a new leader took over that wait for enough slots to start. */
  private final Map<String, JobGraphStore.StoredJob> waitingForSlots = new LinkedHashMap<>();

  /**
   * @param clock the JobMasters' time (checkpoint triggers and timeouts, job times), or null for
   *     the system clock
   */
  public Dispatcher(ResourceManager resourceManager, LibraryCache libraryCache, Clock clock) {
    this(resourceManager, libraryCache, clock, new NoHighAvailabilityServices());
  }

  /**
   * @param clock the JobMasters' time (checkpoint triggers and timeouts, job times), or null for
   *     the system clock
   * @param ha where submitted jobs are stored until they end, so that a new leader recovers them
   */
  public Dispatcher(
      ResourceManager resourceManager,
      LibraryCache libraryCache,
      Clock clock,
      HighAvailabilityServices ha) {
    this.ha = ha;
    this.resourceManager = resourceManager;
    this.libraryCache = libraryCache;
    this.clock = clock != null ? clock : new SystemClock(SYSTEM_TIMER);
    resourceManager.addListener(
        new ResourceManager.Listener() {
          @Override
          public void taskManagerRegistered(TaskExecutorGateway taskManager) {
            startRecoveredJobs();
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
    try {
      ha.jobGraphStore().put(jobGraph, libraryCache.jars(jobGraph.jobId()));
    } catch (IOException | LeadershipLostException e) {
      libraryCache.release(jobGraph.jobId());
      return CompletableFuture.failedFuture(
          new JobSubmissionException(
              "Could not store job '"
                  + jobGraph.jobName()
                  + "' for high availability: "
                  + e.getMessage(),
              e));
    }
    return startJobMaster(jobGraph, false);
  }

  /**
   * Takes over the jobs stored by earlier leaders (called when this JobManager became the leader):
   * each starts from its latest completed checkpoint as soon as enough slots are registered.
   */
  public void recoverJobs() {
    Set<String> ids;
    try {
      ids = ha.jobGraphStore().jobIds();
    } catch (IOException e) {
      LOG.error("Cannot list the stored jobs in {}: {}", ha.describe(), e.toString());
      return;
    }
    for (String jobId : ids) {
      if (jobs.containsKey(jobId)) {
        continue;
      }
      try {
        JobGraphStore.StoredJob stored =
            ha.jobGraphStore().recover(jobId, LibraryCache.class.getClassLoader());
        libraryCache.register(jobId, stored.classLoader(), stored.jars());
        synchronized (waitingForSlots) {
          waitingForSlots.put(jobId, stored);
        }
        LOG.info(
            "Recovering job '{}' ({}): it starts once {} slots are free",
            stored.jobGraph().jobName(),
            jobId,
            new ExecutionGraph(stored.jobGraph()).requiredSlots());
      } catch (IOException | RuntimeException e) {
        LOG.error("Cannot recover job {} from {}: {}", jobId, ha.describe(), e.toString());
      }
    }
    startRecoveredJobs();
  }

  /** Starts the recovered jobs whose slots are free now, in the order they were stored. */
  private void startRecoveredJobs() {
    synchronized (waitingForSlots) {
      for (var it = waitingForSlots.values().iterator(); it.hasNext(); ) {
        JobGraph jobGraph = it.next().jobGraph();
        if (new ExecutionGraph(jobGraph).requiredSlots() > resourceManager.getFreeSlots()) {
          continue;
        }
        it.remove();
        startJobMaster(jobGraph, true)
            .whenComplete(
                (ok, e) -> {
                  if (e != null) {
                    LOG.error(
                        "Recovered job {} could not start: {}", jobGraph.jobId(), e.toString());
                  } else {
                    LOG.info(
                        "Recovered job '{}' ({}) started", jobGraph.jobName(), jobGraph.jobId());
                  }
                });
      }
    }
  }

  private CompletableFuture<String> startJobMaster(JobGraph jobGraph, boolean recovered) {
    JobMaster jobMaster =
        new JobMaster(
            jobGraph, resourceManager, libraryCache.get(jobGraph.jobId()), clock, ha, recovered);
    jobs.put(jobGraph.jobId(), jobMaster);
    jobMaster.getResultFuture().whenComplete((r, e) -> jobEnded(jobGraph.jobId(), jobMaster));
    return jobMaster
        .start()
        .handle(
            (ok, error) -> {
              if (error != null) {
                jobs.remove(jobGraph.jobId());
                libraryCache.release(jobGraph.jobId());
                jobMaster.close();
                if (!recovered) {
                  // The submission failed: no leader is to recover it. (A recovered job that
                  // cannot start stays stored for the next leader.)
                  forget(jobGraph.jobId());
                }
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

  private void jobEnded(String jobId, JobMaster jobMaster) {
    if (jobs.get(jobId) == jobMaster) {
      forget(jobId); // it ended for good (finished, cancelled or failed)
    }
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

  /** Removes a job and its checkpoint records from the HA stores (a leader action). */
  private void forget(String jobId) {
    try {
      ha.jobGraphStore().remove(jobId);
      ha.jobEnded(jobId);
    } catch (IOException | LeadershipLostException e) {
      LOG.warn("Job {} stays stored in {}: {}", jobId, ha.describe(), e.toString());
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
