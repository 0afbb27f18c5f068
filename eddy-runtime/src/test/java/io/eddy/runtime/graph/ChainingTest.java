package io.eddy.runtime.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.StreamExecutionEnvironment;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Which operators share a task, for typical graphs. */
class ChainingTest {

  /** Builds the job graph a job definition compiles to, without running it. */
  static JobGraph compile(Consumer<StreamExecutionEnvironment> job) {
    return PlannedJobs.jobGraph(2, job);
  }

  private static List<String> tasks(JobGraph graph) {
    return graph.vertices().stream().map(JobVertex::name).toList();
  }

  @Test
  void forwardOperatorsOfEqualParallelismShareOneTask() {
    JobGraph g = compile(env -> env.fromSequence(0, 9).map(x -> x).filter(x -> true).print());
    assertThat(tasks(g)).containsExactly("Sequence Source -> Map -> Filter -> Print to Std. Out");
    assertThat(g.edges()).isEmpty();
  }

  @Test
  void keyByRebalanceAndBroadcastBreakChains() {
    JobGraph g =
        compile(
            env ->
                env.fromSequence(0, 9)
                    .map(x -> x)
                    .keyBy(x -> x % 2)
                    .reduce(Long::sum)
                    .rebalance()
                    .map(x -> x)
                    .broadcast()
                    .print());
    assertThat(tasks(g))
        .containsExactly("Sequence Source -> Map", "Keyed Reduce", "Map", "Print to Std. Out");
    assertThat(g.edges())
        .extracting(JobEdge::partitionerName)
        .containsExactly("HASH", "REBALANCE", "BROADCAST");
  }

  @Test
  void aChangeOfParallelismBreaksTheChainWithRebalance() {
    JobGraph g = compile(env -> env.fromSequence(0, 9).map(x -> x).setParallelism(1).print());
    // the sink keeps the environment's parallelism, so both edges rebalance
    assertThat(tasks(g)).containsExactly("Sequence Source", "Map", "Print to Std. Out");
    assertThat(g.edges())
        .extracting(JobEdge::partitionerName)
        .containsExactly("REBALANCE", "REBALANCE");
  }

  @Test
  void disableChainingAndStartNewChain() {
    JobGraph g =
        compile(
            env ->
                env.fromSequence(0, 9)
                    .map(x -> x)
                    .name("A")
                    .disableChaining()
                    .map(x -> x)
                    .name("B")
                    .map(x -> x)
                    .name("C")
                    .startNewChain()
                    .print());
    assertThat(tasks(g)).containsExactly("Sequence Source", "A", "B", "C -> Print to Std. Out");
  }

  @Test
  void slotSharingGroupsBreakChains() {
    JobGraph g =
        compile(env -> env.fromSequence(0, 9).map(x -> x).slotSharingGroup("other").print());
    assertThat(tasks(g)).containsExactly("Sequence Source", "Map -> Print to Std. Out");
    assertThat(g.vertices().get(1).slotSharingGroup()).isEqualTo("other");
  }

  @Test
  void aUnionInputIsNotChained() {
    JobGraph g =
        compile(
            env -> {
              var a = env.fromSequence(0, 9);
              var b = env.fromSequence(10, 19);
              a.union(b).map(x -> x).print();
            });
    assertThat(tasks(g))
        .containsExactly("Sequence Source", "Sequence Source", "Map -> Print to Std. Out");
    assertThat(g.inputsOf(2)).hasSize(2);
  }

  @Test
  void aFanOutChainsBothBranches() {
    JobGraph g =
        compile(
            env -> {
              var s = env.fromSequence(0, 9).map(x -> x).name("M");
              s.filter(x -> x > 3).name("F1").print();
              s.filter(x -> x < 3).name("F2").print();
            });
    assertThat(g.vertices()).hasSize(1);
    assertThat(g.vertices().get(0).operatorNames())
        .containsExactly(
            "Sequence Source", "M", "F1", "Print to Std. Out", "F2", "Print to Std. Out");
  }
}
