package io.eddy.runtime.scheduler;

import io.eddy.runtime.graph.EdgeConnections;
import io.eddy.runtime.graph.JobEdge;
import io.eddy.runtime.graph.JobGraph;
import io.eddy.runtime.graph.JobVertex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipelined regions of a job: the groups of subtasks connected by data channels, directly or
 * through other subtasks. A streaming exchange ties a producer to its consumers (a failed consumer
 * loses in-flight data, a failed producer leaves its consumers without input), so a region is the
 * smallest unit that can restart on its own. An all-to-all edge (hash, rebalance, broadcast)
 * connects every producer subtask with every consumer subtask; a pointwise edge (forward, rescale)
 * only the pairs {@link EdgeConnections} names. A job keyed everywhere is one region; {@code source
 * -> map -> sink} with forward edges at parallelism 4 has four.
 *
 * <p>Computed once per job graph (union-find over all subtasks); immutable afterwards. Regions are
 * numbered by their first subtask in (vertex, subtask) order.
 */
public final class PipelinedRegions {
  /** A subtask: index of its job vertex and its subtask index. */
  public record SubtaskId(int vertex, int subtask) {}

  private final int[][] regionOf;
  private final List<List<SubtaskId>> members;

  private PipelinedRegions(int[][] regionOf, List<List<SubtaskId>> members) {
    this.regionOf = regionOf;
    this.members = members;
  }

  /** The regions of {@code jobGraph}'s subtasks. */
  public static PipelinedRegions of(JobGraph jobGraph) {
    List<JobVertex> vertices = jobGraph.vertices();
    int[] offset = new int[vertices.size()];
    int total = 0;
    for (JobVertex v : vertices) {
      offset[v.index()] = total;
      total += v.parallelism();
    }
    int[] parent = new int[total];
    for (int i = 0; i < total; i++) {
      parent[i] = i;
    }
    for (JobEdge e : jobGraph.edges()) {
      int producers = vertices.get(e.sourceVertex()).parallelism();
      int consumers = vertices.get(e.targetVertex()).parallelism();
      int p0 = offset[e.sourceVertex()];
      int c0 = offset[e.targetVertex()];
      if (!e.pointwise()) {
        for (int p = 0; p < producers; p++) {
          union(parent, p0 + p, c0);
        }
        for (int c = 1; c < consumers; c++) {
          union(parent, c0 + c, c0);
        }
        continue;
      }
      EdgeConnections connections = new EdgeConnections(producers, consumers, true);
      for (int c = 0; c < consumers; c++) {
        for (EdgeConnections.Channel ch : connections.channelsOf(c)) {
          union(parent, p0 + ch.producer(), c0 + c);
        }
      }
    }
    int[][] regionOf = new int[vertices.size()][];
    List<List<SubtaskId>> members = new ArrayList<>();
    Map<Integer, Integer> regionByRoot = new HashMap<>();
    for (JobVertex v : vertices) {
      regionOf[v.index()] = new int[v.parallelism()];
      for (int s = 0; s < v.parallelism(); s++) {
        int root = find(parent, offset[v.index()] + s);
        Integer region = regionByRoot.get(root);
        if (region == null) {
          region = members.size();
          regionByRoot.put(root, region);
          members.add(new ArrayList<>());
        }
        regionOf[v.index()][s] = region;
        members.get(region).add(new SubtaskId(v.index(), s));
      }
    }
    return new PipelinedRegions(regionOf, members.stream().map(List::copyOf).toList());
  }

  /** The number of regions (1: every subtask depends on every other, the job restarts whole). */
  public int count() {
    return members.size();
  }

  /** The region of subtask {@code subtask} of job vertex {@code vertex}. */
  public int regionOf(int vertex, int subtask) {
    return regionOf[vertex][subtask];
  }

  /** The subtasks of {@code region}, in (vertex, subtask) order. */
  public List<SubtaskId> members(int region) {
    return members.get(region);
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]]; // path halving
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
