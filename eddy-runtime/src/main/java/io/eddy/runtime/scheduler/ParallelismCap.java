package io.eddy.runtime.scheduler;

import io.eddy.runtime.checkpoint.CheckpointParticipants;
import io.eddy.runtime.graph.JobGraph;
import io.eddy.runtime.graph.JobVertex;
import io.eddy.runtime.graph.SourceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lowers a job's parallelism to what the free slots hold, for a restart after its TaskManager was
 * lost when the survivors lack slots: every vertex's parallelism is capped at one number (vertices
 * already below it keep theirs, so forward edges keep equal parallelism on both sides), the max
 * parallelism stays, so the checkpoint's key groups spread over the fewer subtasks.
 */
public final class ParallelismCap {
  private ParallelismCap() {}

  /** The job's highest vertex parallelism. */
  public static int highest(JobGraph jobGraph) {
    return jobGraph.vertices().stream().mapToInt(JobVertex::parallelism).max().orElse(0);
  }

  /** The slots the job needs with every vertex's parallelism capped at {@code cap}. */
  public static int requiredSlots(JobGraph jobGraph, int cap) {
    Map<String, Integer> perGroup = new LinkedHashMap<>();
    for (JobVertex v : jobGraph.vertices()) {
      perGroup.merge(v.slotSharingGroup(), Math.min(v.parallelism(), cap), Math::max);
    }
    return perGroup.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * The largest cap below the job's highest parallelism with which it fits {@code freeSlots}, or 0
   * if none does (or it fits uncapped).
   */
  public static int largestFitting(JobGraph jobGraph, int freeSlots) {
    if (requiredSlots(jobGraph, highest(jobGraph)) <= freeSlots) {
      return 0;
    }
    for (int cap = highest(jobGraph) - 1; cap >= 1; cap--) {
      if (requiredSlots(jobGraph, cap) <= freeSlots) {
        return cap;
      }
    }
    return 0;
  }

  /** {@code jobGraph} with every vertex's parallelism capped at {@code cap}. */
  public static JobGraph cap(JobGraph jobGraph, int cap) {
    if (cap < 1) {
      throw new IllegalArgumentException("parallelism cap " + cap);
    }
    List<JobVertex> vertices = new ArrayList<>();
    for (JobVertex v : jobGraph.vertices()) {
      vertices.add(
          new JobVertex(
              v.index(),
              v.name(),
              v.operatorNames(),
              Math.min(v.parallelism(), cap),
              v.maxParallelism(),
              v.slotSharingGroup(),
              v.isSource(),
              v.serializedConfig()));
    }
    return new JobGraph(
        jobGraph.jobId(),
        jobGraph.jobName(),
        List.copyOf(vertices),
        jobGraph.edges(),
        jobGraph.config());
  }

  /**
   * Updates, in place, the operators' parallelism (as checkpoints record it) to {@code rescaled}'s.
   *
   * @param operatorIds per job vertex, the ids of its chain's operators
   */
  public static void rescaleOperators(
      List<CheckpointParticipants.OperatorInfo> operators,
      Map<Integer, List<String>> operatorIds,
      JobGraph rescaled) {
    Map<String, Integer> parallelism = new LinkedHashMap<>();
    for (JobVertex v : rescaled.vertices()) {
      operatorIds.get(v.index()).forEach(id -> parallelism.put(id, v.parallelism()));
    }
    operators.replaceAll(
        op ->
            new CheckpointParticipants.OperatorInfo(
                op.operatorId(),
                parallelism.getOrDefault(op.operatorId(), op.parallelism()),
                op.maxParallelism(),
                op.coordinator()));
  }

  /** Re-keys, in place, the source vertices by {@code rescaled}'s vertices. */
  public static void rescaleSources(Map<JobVertex, SourceSpec<?>> sources, JobGraph rescaled) {
    Map<JobVertex, SourceSpec<?>> old = new LinkedHashMap<>(sources);
    sources.clear();
    old.forEach((v, spec) -> sources.put(rescaled.vertices().get(v.index()), spec));
  }
}
