package io.eddy.runtime.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.core.execution.ExecutionConfig;
import io.eddy.runtime.checkpoint.CheckpointParticipants.OperatorInfo;
import io.eddy.runtime.graph.JobEdge;
import io.eddy.runtime.graph.JobGraph;
import io.eddy.runtime.graph.JobVertex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a job's parallelism is lowered to the free slots. */
class ParallelismCapTest {

  @Test
  void theLargestCapThatFitsTheFreeSlots() {
    JobGraph job = graph(new int[] {4, 4, 2}, "default", "default", "default");
    assertThat(ParallelismCap.highest(job)).isEqualTo(4);
    assertThat(ParallelismCap.largestFitting(job, 3)).isEqualTo(3);
    assertThat(ParallelismCap.largestFitting(job, 2)).isEqualTo(2);
    assertThat(ParallelismCap.largestFitting(job, 1)).isEqualTo(1);
    assertThat(ParallelismCap.largestFitting(job, 0)).isZero();
    assertThat(ParallelismCap.largestFitting(job, 4)).as("fits uncapped").isZero();
  }

  @Test
  void everySlotSharingGroupNeedsItsOwnSlots() {
    // group a: 4 and 1; group b: 3 → capped at n they need min(4, n) + min(3, n)
    JobGraph job = graph(new int[] {4, 1, 3}, "a", "a", "b");
    assertThat(ParallelismCap.requiredSlots(job, 4)).isEqualTo(7);
    assertThat(ParallelismCap.largestFitting(job, 6)).isEqualTo(3);
    assertThat(ParallelismCap.largestFitting(job, 5)).isEqualTo(2);
    assertThat(ParallelismCap.largestFitting(job, 1)).isZero();
  }

  @Test
  void capsEveryVertexAlikeAndKeepsTheKeyGroups() {
    JobGraph job = graph(new int[] {4, 4, 1}, "default", "default", "default");
    JobGraph capped = ParallelismCap.cap(job, 2);
    assertThat(capped.vertices()).extracting(JobVertex::parallelism).containsExactly(2, 2, 1);
    assertThat(capped.vertices()).extracting(JobVertex::maxParallelism).containsOnly(128);
    assertThat(capped.edges()).isEqualTo(job.edges());
    assertThat(capped.jobId()).isEqualTo(job.jobId());
    assertThat(new ExecutionGraph(capped).requiredSlots()).isEqualTo(2);
  }

  @Test
  void theOperatorsTakeTheirVertexsNewParallelism() {
    JobGraph capped = ParallelismCap.cap(graph(new int[] {4, 1}, "default", "default"), 3);
    List<OperatorInfo> operators =
        new ArrayList<>(
            List.of(
                new OperatorInfo("src", 4, 128, null),
                new OperatorInfo("map", 4, 128, null),
                new OperatorInfo("sink", 1, 128, null)));
    ParallelismCap.rescaleOperators(
        operators, Map.of(0, List.of("src", "map"), 1, List.of("sink")), capped);
    assertThat(operators)
        .containsExactly(
            new OperatorInfo("src", 3, 128, null),
            new OperatorInfo("map", 3, 128, null),
            new OperatorInfo("sink", 1, 128, null));
  }

  /** A chain of vertices (forward edges) of the given parallelisms and slot sharing groups. */
  private static JobGraph graph(int[] parallelisms, String... groups) {
    List<JobVertex> vertices = new ArrayList<>();
    List<JobEdge> edges = new ArrayList<>();
    for (int i = 0; i < parallelisms.length; i++) {
      vertices.add(
          new JobVertex(
              i, "v" + i, List.of("v" + i), parallelisms[i], 128, groups[i], i == 0, new byte[0]));
      if (i > 0) {
        boolean forward = parallelisms[i] == parallelisms[i - 1];
        edges.add(new JobEdge(i - 1, 0, i, 0, forward, forward ? "FORWARD" : "HASH"));
      }
    }
    return new JobGraph("job", "job", vertices, edges, new ExecutionConfig(4, 128, 100));
  }
}
