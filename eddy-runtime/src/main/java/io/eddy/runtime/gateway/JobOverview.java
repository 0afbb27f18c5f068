package io.eddy.runtime.gateway;

import io.eddy.api.JobStatus;

/**
 * One line of the job list.
 *
 * @param startTime when the JobManager accepted the job (epoch millis)
 * @param endTime when it reached a terminal status, or -1 while it has not
 */
public record JobOverview(
    String jobId, String name, JobStatus status, long startTime, long endTime) {

  /** Milliseconds from start to end, or to {@code now} while the job has not ended. */
  public long durationMillis(long now) {
    return (endTime >= 0 ? endTime : now) - startTime;
  }
}
