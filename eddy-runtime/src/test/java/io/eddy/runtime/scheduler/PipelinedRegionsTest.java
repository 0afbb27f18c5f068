package io.eddy.runtime.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.core.execution.ExecutionConfig;
import io.eddy.runtime.graph.JobEdge;
import io.eddy.runtime.graph.JobGraph;
import io.eddy.runtime.graph.JobVertex;
import io.eddy.runtime.graph.PlannedJobs;
import io.eddy.runtime.scheduler.PipelinedRegions.SubtaskId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Which subtasks restart together, for typical graph shapes. */
class PipelinedRegionsTest {

  @Test
  void oneVertexWithoutEdgesHasOneRegionPerSubtask() {
    PipelinedRegions regions = PipelinedRegions.of(graph(new int[] {4}));
    assertThat(regions.count()).isEqualTo(4);
    for (int s = 0; s < 4; s++) {
      assertThat(regions.members(regions.regionOf(0, s))).containsExactly(new SubtaskId(0, s));
    }
  }

  @Test
  void forwardEdgesKeepEachPipelineApart() {
    // source(4) -forward-> map(4) -forward-> sink(4)
    PipelinedRegions regions =
        PipelinedRegions.of(graph(new int[] {4, 4, 4}, edge(0, 1, true), edge(1, 2, true)));
    assertThat(regions.count()).isEqualTo(4);
    for (int s = 0; s < 4; s++) {
      assertThat(regions.members(regions.regionOf(1, s)))
          .containsExactly(new SubtaskId(0, s), new SubtaskId(1, s), new SubtaskId(2, s));
    }
  }

  @Test
  void anAllToAllEdgeAnywhereMakesOneRegion() {
    // source(4) -forward-> map(4) -hash-> sink(2)
    PipelinedRegions regions =
        PipelinedRegions.of(graph(new int[] {4, 4, 2}, edge(0, 1, true), edge(1, 2, false)));
    assertThat(regions.count()).isEqualTo(1);
    assertThat(regions.members(0)).hasSize(10);
  }

  @Test
  void rescaleGroupsProducersWithTheirConsumers() {
    // fan-out 2 -> 4: producer 0 feeds 0,1 and producer 1 feeds 2,3
    PipelinedRegions out = PipelinedRegions.of(graph(new int[] {2, 4}, edge(0, 1, true)));
    assertThat(out.count()).isEqualTo(2);
    assertThat(out.members(out.regionOf(0, 1)))
        .containsExactly(new SubtaskId(0, 1), new SubtaskId(1, 2), new SubtaskId(1, 3));
    // fan-in 6 -> 2: producers 0..2 feed 0, 3..5 feed 1
    PipelinedRegions in = PipelinedRegions.of(graph(new int[] {6, 2}, edge(0, 1, true)));
    assertThat(in.count()).isEqualTo(2);
    assertThat(in.members(in.regionOf(1, 0)))
        .containsExactly(
            new SubtaskId(0, 0), new SubtaskId(0, 1), new SubtaskId(0, 2), new SubtaskId(1, 0));
    // uneven fan-out 3 -> 4 overlaps nothing: every consumer has exactly one producer
    PipelinedRegions uneven = PipelinedRegions.of(graph(new int[] {3, 4}, edge(0, 1, true)));
    assertThat(uneven.count()).isEqualTo(3);
  }

  @Test
  void twoPointwiseInputsJoinTheirPipelines() {
    // a(2) -forward-> c(2) <-forward- b(2); c -forward-> d(2); and an independent e(3)
    PipelinedRegions regions =
        PipelinedRegions.of(
            graph(new int[] {2, 2, 2, 2, 3}, edge(0, 2, true), edge(1, 2, true), edge(2, 3, true)));
    assertThat(regions.count()).isEqualTo(2 + 3);
    assertThat(regions.members(regions.regionOf(3, 1)))
        .containsExactly(
            new SubtaskId(0, 1), new SubtaskId(1, 1), new SubtaskId(2, 1), new SubtaskId(3, 1));
    assertThat(regions.regionOf(4, 0)).isNotEqualTo(regions.regionOf(4, 1));
  }

  @Test
  void everySubtaskIsInExactlyOneRegion() {
    JobGraph g =
        graph(new int[] {3, 5, 5, 1}, edge(0, 1, true), edge(1, 2, true), edge(0, 3, false));
    PipelinedRegions regions = PipelinedRegions.of(g);
    Set<SubtaskId> seen = new HashSet<>();
    for (int r = 0; r < regions.count(); r++) {
      for (SubtaskId id : regions.members(r)) {
        assertThat(seen.add(id)).isTrue();
        assertThat(regions.regionOf(id.vertex(), id.subtask())).isEqualTo(r);
      }
    }
    assertThat(seen).hasSize(3 + 5 + 5 + 1);
    assertThat(regions.count()).isEqualTo(1); // the broadcast-like all-to-all edge to vertex 3
  }

  @Test
  void compiledJobs() {
    JobGraph parallelPipeline =
        compile(env -> env.fromSequence(0, 99).map(x -> x).filter(x -> true).print());
    assertThat(parallelPipeline.vertices()).hasSize(1); // chained: one region per subtask
    assertThat(PipelinedRegions.of(parallelPipeline).count()).isEqualTo(4);

    JobGraph unchained =
        compile(env -> env.fromSequence(0, 99).map(x -> x).disableChaining().print());
    assertThat(unchained.vertices()).hasSize(3);
    assertThat(PipelinedRegions.of(unchained).count()).isEqualTo(4);

    JobGraph keyed =
        compile(env -> env.fromSequence(0, 99).keyBy(x -> x % 3).reduce(Long::sum).print());
    assertThat(PipelinedRegions.of(keyed).count()).isEqualTo(1);

    JobGraph rebalanced = compile(env -> env.fromSequence(0, 99).rebalance().print());
    assertThat(PipelinedRegions.of(rebalanced).count()).isEqualTo(1);
  }

  private static JobEdge edge(int from, int to, boolean pointwise) {
    return new JobEdge(from, 0, to, 0, pointwise, pointwise ? "FORWARD" : "HASH");
  }

  /** A job graph with vertices of the given parallelisms and the given edges. */
  private static JobGraph graph(int[] parallelisms, JobEdge... edges) {
    List<JobVertex> vertices = new ArrayList<>();
    for (int i = 0; i < parallelisms.length; i++) {
      vertices.add(
          new JobVertex(
              i, "v" + i, List.of("v" + i), parallelisms[i], 128, "default", i == 0, new byte[0]));
    }
    // distinct output and input indexes per vertex, as the builder assigns them
    List<JobEdge> numbered = new ArrayList<>();
    int[] outputs = new int[parallelisms.length];
    int[] inputs = new int[parallelisms.length];
    for (JobEdge e : edges) {
      numbered.add(
          new JobEdge(
              e.sourceVertex(),
              outputs[e.sourceVertex()]++,
              e.targetVertex(),
              inputs[e.targetVertex()]++,
              e.pointwise(),
              e.partitionerName()));
    }
    return new JobGraph("job", "job", vertices, numbered, new ExecutionConfig(4, 128, 100));
  }

  /** The job graph a job definition compiles to, at parallelism 4, without running it. */
  private static JobGraph compile(Consumer<StreamExecutionEnvironment> job) {
    return PlannedJobs.jobGraph(4, job);
  }
}
