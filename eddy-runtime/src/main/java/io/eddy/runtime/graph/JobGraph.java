package io.eddy.runtime.graph;

import io.eddy.core.execution.ExecutionConfig;
import java.io.Serializable;
import java.util.List;

/**
 * What a client submits: the tasks (chains) of a job and the exchanges between them.
 *
 * @param jobId unique id
 * @param jobName name
 * @param vertices tasks in topological order
 * @param edges data exchanges
 * @param config job-wide settings
 */
public record JobGraph(
    String jobId,
    String jobName,
    List<JobVertex> vertices,
    List<JobEdge> edges,
    ExecutionConfig config)
    implements Serializable {

  public List<JobEdge> inputsOf(int vertex) {
    return edges.stream()
        .filter(e -> e.targetVertex() == vertex)
        .sorted(java.util.Comparator.comparingInt(JobEdge::inputIndex))
        .toList();
  }

  public List<JobEdge> outputsOf(int vertex) {
    return edges.stream()
        .filter(e -> e.sourceVertex() == vertex)
        .sorted(java.util.Comparator.comparingInt(JobEdge::outputIndex))
        .toList();
  }
}
