package io.eddy.runtime.compiler;

import io.eddy.core.execution.ExecutionConfig;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The operators of a job and their edges, before chaining. Nodes are in topological order. */
public final class StreamGraph {
  private final String jobName;
  private final ExecutionConfig config;
  private final Map<Integer, StreamNode> nodes = new LinkedHashMap<>();

  public StreamGraph(String jobName, ExecutionConfig config) {
    this.jobName = jobName;
    this.config = config;
  }

  public String getJobName() {
    return jobName;
  }

  public ExecutionConfig getConfig() {
    return config;
  }

  void addNode(StreamNode node) {
    nodes.put(node.getId(), node);
  }

  void addEdge(StreamEdge edge) {
    nodes.get(edge.sourceId()).getOutEdges().add(edge);
    nodes.get(edge.targetId()).getInEdges().add(edge);
  }

  public StreamNode getNode(int id) {
    return nodes.get(id);
  }

  /** All nodes; every node comes after the nodes it reads from. */
  public Collection<StreamNode> getNodes() {
    return nodes.values();
  }
}
