package io.eddy.rest.messages;

import java.util.List;

/**
 * The JSON bodies of the REST API (version 1), shared by the server and the Java client. Times are
 * epoch milliseconds, durations milliseconds; an end time of -1 means the job has not ended.
 */
public final class Messages {
  private Messages() {}

  /**
   * {@code GET /v1/overview}. {@code leader} is the REST address (host:port) of the leading
   * JobManager (with high availability; null without, or while none is known); a standby answers
   * with it and zero counts.
   */
  public record ClusterOverview(
      int taskManagers,
      int slotsTotal,
      int slotsFree,
      int jobsRunning,
      int jobsFinished,
      int jobsFailed,
      int jobsCancelled,
      String version,
      String leader) {
    public ClusterOverview(
        int taskManagers,
        int slotsTotal,
        int slotsFree,
        int jobsRunning,
        int jobsFinished,
        int jobsFailed,
        int jobsCancelled,
        String version) {
      this(
          taskManagers,
          slotsTotal,
          slotsFree,
          jobsRunning,
          jobsFinished,
          jobsFailed,
          jobsCancelled,
          version,
          null);
    }
  }

  /** One entry of {@code GET /v1/taskmanagers}. */
  public record TaskManager(String id, String location, int slots, int freeSlots) {}

  public record TaskManagers(List<TaskManager> taskManagers) {}

  /** One entry of {@code GET /v1/jobs}. */
  public record JobSummary(
      String id, String name, String status, long startTime, long endTime, long duration) {}

  public record Jobs(List<JobSummary> jobs) {}

  /** {@code GET /v1/jobs/{id}}. */
  public record JobDetail(
      String id,
      String name,
      String status,
      long startTime,
      long endTime,
      long duration,
      int restarts,
      String failure,
      List<Vertex> vertices) {}

  public record Vertex(int index, String name, int parallelism, List<Subtask> subtasks) {}

  /** A subtask's current attempt; {@code location} is its TaskManager. */
  public record Subtask(int subtask, int attempt, String state, String location) {}

  /** {@code POST /v1/jars/run}'s answer. */
  public record JarRunResponse(String jobId) {}

  /** {@code POST /v1/jobs/{id}/savepoints}; without a directory the cluster's default is used. */
  public record SavepointRequest(String targetDirectory) {}

  /** {@code POST /v1/jobs/{id}/stop}. */
  public record StopRequest(String targetDirectory, boolean drain) {}

  /** Where a savepoint was written. */
  public record SavepointResponse(String location) {}

  /** {@code POST /v1/jobs/{id}/cancel}: the request was accepted; the job ends asynchronously. */
  public record CancelResponse(String jobId, String status) {}

  /** {@code GET /v1/jobs/{id}/checkpoints}. */
  public record Checkpoints(long completed, long failed, List<Checkpoint> history) {}

  /**
   * One checkpoint or savepoint; {@code status} is COMPLETED or FAILED, {@code failureReason} null
   * unless it failed.
   */
  public record Checkpoint(
      long id,
      String type,
      String status,
      long triggerTimestamp,
      long duration,
      int stateFiles,
      String failureReason) {}

  /** Every error: one line. */
  public record Error(String error) {}
}
