package io.eddy.runtime.jobmaster;

import io.eddy.api.JobStatus;
import io.eddy.runtime.gateway.JobDetails;
import io.eddy.runtime.gateway.JobOverview;
import io.eddy.runtime.graph.JobGraph;
import io.eddy.runtime.graph.JobVertex;
import io.eddy.runtime.scheduler.ExecutionGraph;
import io.eddy.runtime.scheduler.ExecutionVertex;
import io.eddy.runtime.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The job as the job list and the job details page show it: its times (accepted, ended) on the
 * clock, its status, and its subtasks' current attempts. JobMaster main thread only.
 */
public final class JobDetailsView {
  /** What the view reads of the job; every method runs on the JobMaster's main thread. */
  public interface Job {
    JobGraph jobGraph();

    ExecutionGraph executionGraph();

    JobStatus status();

    /** Why the job failed or restarted last, or null. */
    JobFailure failure();

    int numberOfRestarts();
  }

  private final Clock clock;
  private final Job job;
  private final long submissionTime;
  private long endTime = -1;

  /** The job was accepted now. */
  JobDetailsView(Clock clock, Job job) {
    this.clock = clock;
    this.job = job;
    this.submissionTime = clock.currentTimeMillis();
  }

  /** The job reached a final status now; returns its runtime in milliseconds. */
  public long jobEnded() {
    endTime = clock.currentTimeMillis();
    return endTime - submissionTime;
  }

  /** The job's id, name, status and times (for the job list). */
  JobOverview overview() {
    JobGraph jobGraph = job.jobGraph();
    return new JobOverview(
        jobGraph.jobId(), jobGraph.jobName(), job.status(), submissionTime, endTime);
  }

  /** The job's vertices with their subtasks' current attempts, states and TaskManagers. */
  JobDetails details() {
    JobGraph jobGraph = job.jobGraph();
    ExecutionGraph executionGraph = job.executionGraph();
    List<JobDetails.Vertex> vertices = new ArrayList<>();
    for (JobVertex v : jobGraph.vertices()) {
      List<JobDetails.Subtask> subtasks = new ArrayList<>();
      for (int s = 0; s < v.parallelism(); s++) {
        ExecutionVertex ev = executionGraph.get(v.index(), s);
        subtasks.add(
            new JobDetails.Subtask(
                s,
                Math.max(ev.getAttemptNumber(), 0),
                ev.getState().name(),
                ev.getSlot() == null ? null : ev.getSlot().taskManager().getLocation()));
      }
      vertices.add(new JobDetails.Vertex(v.index(), v.name(), v.parallelism(), subtasks));
    }
    String failure = null;
    if (job.failure() != null && job.status() != JobStatus.RUNNING) {
      failure = job.failure().describe().lines().findFirst().orElse(null);
    }
    return new JobDetails(overview(), job.numberOfRestarts(), failure, vertices);
  }
}
