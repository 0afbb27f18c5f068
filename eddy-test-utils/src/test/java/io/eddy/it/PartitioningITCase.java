package io.eddy.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.common.functions.RichMapFunction;
import io.eddy.api.java.tuple.Tuple2;
import io.eddy.api.java.tuple.Tuple3;
import io.eddy.runtime.keygroup.KeyGroupRangeAssignment;
import io.eddy.testutils.CollectingSink;
import io.eddy.testutils.MiniClusterExtension;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each partitioning's defining property, observed through the subtasks records reach. */
class PartitioningITCase {
  @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension(2, 4);

  /** Tags a value with the index of the subtask that saw it. */
  static final class TagSubtask<T> extends RichMapFunction<T, Tuple2<T, Integer>> {
    @Override
    public Tuple2<T, Integer> map(T value) {
      return Tuple2.of(value, getRuntimeContext().getIndexOfThisSubtask());
    }
  }

  /** Adds the index of the subtask that saw a tagged value. */
  static final class TagAgain<T>
      extends RichMapFunction<Tuple2<T, Integer>, Tuple3<T, Integer, Integer>> {
    @Override
    public Tuple3<T, Integer, Integer> map(Tuple2<T, Integer> value) {
      return Tuple3.of(value.f0, value.f1, getRuntimeContext().getIndexOfThisSubtask());
    }
  }

  @Test
  void forwardKeepsTheSubtask() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(4);
    CollectingSink<Tuple3<Long, Integer, Integer>> sink = new CollectingSink<>();
    env.fromSequence(0, 999)
        .map(new TagSubtask<>())
        .forward()
        .map(new TagAgain<>())
        .disableChaining()
        .sinkTo(sink);
    env.execute();
    assertThat(sink.getResults()).hasSize(1000).allMatch(t -> t.f1.equals(t.f2));
  }

  @Test
  void rebalanceSpreadsEvenly() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    CollectingSink<Tuple2<Long, Integer>> sink = new CollectingSink<>();
    env.fromSequence(0, 3999)
        .setParallelism(1)
        .rebalance()
        .map(new TagSubtask<>())
        .setParallelism(4)
        .sinkTo(sink);
    env.execute();
    Map<Integer, Long> perSubtask =
        sink.getResults().stream().collect(Collectors.groupingBy(t -> t.f1, Collectors.counting()));
    assertThat(perSubtask)
        .hasSize(4)
        .allSatisfy((subtask, count) -> assertThat(count).isEqualTo(1000));
  }

  @Test
  void broadcastReachesEverySubtask() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    CollectingSink<Tuple2<Long, Integer>> sink = new CollectingSink<>();
    env.fromSequence(0, 9)
        .setParallelism(2)
        .broadcast()
        .map(new TagSubtask<>())
        .setParallelism(3)
        .sinkTo(sink);
    env.execute();
    List<Tuple2<Long, Integer>> out = sink.getResults();
    assertThat(out).hasSize(30);
    for (long v = 0; v < 10; v++) {
      long value = v;
      assertThat(out.stream().filter(t -> t.f0 == value).map(t -> t.f1).collect(Collectors.toSet()))
          .isEqualTo(Set.of(0, 1, 2));
    }
  }

  @Test
  void keyByMatchesTheKeyGroupFormula() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setMaxParallelism(64);
    CollectingSink<Tuple2<Long, Integer>> sink = new CollectingSink<>();
    env.fromSequence(0, 1999)
        .setParallelism(2)
        .keyBy(v -> v % 50)
        .map(new TagSubtask<>())
        .setParallelism(3)
        .sinkTo(sink);
    env.execute();
    List<Tuple2<Long, Integer>> out = sink.getResults();
    assertThat(out).hasSize(2000);
    for (Tuple2<Long, Integer> t : out) {
      assertThat(t.f1)
          .isEqualTo(KeyGroupRangeAssignment.assignKeyToParallelOperator(t.f0 % 50, 64, 3));
    }
  }

  @Test
  void globalSendsEverythingToOneSubtask() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    CollectingSink<Tuple2<Long, Integer>> sink = new CollectingSink<>();
    env.fromSequence(0, 99)
        .setParallelism(3)
        .global()
        .map(new TagSubtask<>())
        .setParallelism(3)
        .sinkTo(sink);
    env.execute();
    assertThat(sink.getResults()).hasSize(100).allMatch(t -> t.f1 == 0);
  }

  @Test
  void partitionCustomUsesTheUsersPartitioner() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    CollectingSink<Tuple2<Long, Integer>> sink = new CollectingSink<>();
    env.fromSequence(0, 99)
        .setParallelism(2)
        .partitionCustom((Long key, int n) -> (int) (key % n), v -> v)
        .map(new TagSubtask<>())
        .setParallelism(4)
        .sinkTo(sink);
    env.execute();
    assertThat(sink.getResults()).hasSize(100).allMatch(t -> t.f1 == t.f0 % 4);
  }

  @Test
  void rescaleFeedsALocalGroupRoundRobin() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    CollectingSink<Tuple3<Long, Integer, Integer>> sink = new CollectingSink<>();
    env.fromSequence(0, 3999)
        .setParallelism(2)
        .map(new TagSubtask<>())
        .setParallelism(2)
        .rescale()
        .map(new TagAgain<>())
        .setParallelism(4)
        .sinkTo(sink);
    env.execute();
    List<Tuple3<Long, Integer, Integer>> out = sink.getResults();
    assertThat(out).hasSize(4000);
    // producer 0 feeds consumers 0 and 1 only, producer 1 feeds 2 and 3, evenly
    assertThat(out).allMatch(t -> t.f2 / 2 == t.f1);
    Map<Integer, Long> perConsumer =
        out.stream().collect(Collectors.groupingBy(t -> t.f2, Collectors.counting()));
    // each producer round-robins over its two consumers (how many records a producer reads
    // depends on the splits it asked for, so only the split within a pair is fixed)
    // (a fast reader may even take every split, leaving the other producer without records)
    for (int producer = 0; producer < 2; producer++) {
      long first = perConsumer.getOrDefault(2 * producer, 0L);
      long second = perConsumer.getOrDefault(2 * producer + 1, 0L);
      assertThat(Math.abs(first - second)).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void shuffleReachesEverySubtask() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    CollectingSink<Tuple2<Long, Integer>> sink = new CollectingSink<>();
    env.fromSequence(0, 3999)
        .setParallelism(1)
        .shuffle()
        .map(new TagSubtask<>())
        .setParallelism(4)
        .sinkTo(sink);
    env.execute();
    Map<Integer, Long> perSubtask =
        sink.getResults().stream().collect(Collectors.groupingBy(t -> t.f1, Collectors.counting()));
    assertThat(perSubtask).hasSize(4);
  }
}
