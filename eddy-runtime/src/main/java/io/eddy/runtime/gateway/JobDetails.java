package io.eddy.runtime.gateway;

import java.util.List;

/**
 * A job's tasks as the JobMaster sees them: each vertex with its subtasks' current attempts, their
 * states and TaskManagers.
 *
 * @param overview id, name, status and times
 * @param restarts how often the job restarted after failures
 * @param failure the first line of what failed the job, or null
 * @param vertices the job's tasks in topological order
 */
public record JobDetails(
    JobOverview overview, int restarts, String failure, List<Vertex> vertices) {
  public JobDetails {
    vertices = List.copyOf(vertices);
  }

  /** A task (operator chain) and its subtasks. */
  public record Vertex(int index, String name, int parallelism, List<Subtask> subtasks) {
    public Vertex {
      subtasks = List.copyOf(subtasks);
    }
  }

  /**
   * A subtask's current attempt.
   *
   * @param state the attempt's {@link io.eddy.runtime.gateway.ExecutionState}
   * @param location the TaskManager it runs on, or null before it has a slot
   */
  public record Subtask(int subtask, int attempt, String state, String location) {}
}
