package io.eddy.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.datastream.SingleOutputStreamOperator;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.ProcessFunction;
import io.eddy.api.java.tuple.Tuple2;
import io.eddy.api.java.tuple.Tuple3;
import io.eddy.testutils.CollectingSink;
import io.eddy.testutils.MiniClusterExtension;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The DataStream operations on the embedded cluster, at several parallelisms. */
class DataStreamITCase {
  @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension(2, 4);

  record Reading(String sensor, long value) {}

  public static class Pojo {
    public String name;
    public int count;

    public Pojo() {}

    Pojo(String name, int count) {
      this.name = name;
      this.count = count;
    }
  }

  /** Evens to the main output, odds to a side output. */
  static final class EvenOddSplitter extends ProcessFunction<Long, Long> {
    private final OutputTag<String> odd;

    EvenOddSplitter(OutputTag<String> odd) {
      this.odd = odd;
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<Long> out) {
      if (value % 2 == 0) {
        out.collect(value);
      } else {
        ctx.output(odd, "odd-" + value);
      }
    }
  }

  /** Emits (key, value, subtask). */
  static final class KeyAndSubtask
      extends KeyedProcessFunction<Long, Long, Tuple3<Long, Long, Integer>> {
    @Override
    public void processElement(
        Long value, Context ctx, Collector<Tuple3<Long, Long, Integer>> out) {
      out.collect(
          Tuple3.of(ctx.getCurrentKey(), value, getRuntimeContext().getIndexOfThisSubtask()));
    }
  }

  private static <T> List<T> collect(DataStream<T> stream) throws Exception {
    List<T> out = new ArrayList<>();
    try (var it = stream.executeAndCollect()) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void mapFlatMapFilterWithoutTypeHints(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    List<String> out =
        collect(
            env.fromElements("a b", "c d e", "f")
                .rebalance()
                .flatMap(
                    (String line, Collector<String> c) -> {
                      for (String w : line.split(" ")) {
                        c.collect(w);
                      }
                    })
                .map(String::toUpperCase)
                .filter(w -> !w.equals("C")));
    assertThat(out).containsExactlyInAnyOrder("A", "B", "D", "E", "F");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void keyedRunningAggregationsOnTuples(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    List<Tuple2<Long, Long>> out =
        collect(env.fromSequence(1, 1000).map(x -> Tuple2.of(x % 7, x)).keyBy(t -> t.f0).sum(1));
    assertThat(out).hasSize(1000);
    Map<Long, Long> finalSums =
        out.stream().collect(Collectors.toMap(t -> t.f0, t -> t.f1, Math::max));
    Map<Long, Long> expected =
        LongStream.rangeClosed(1, 1000)
            .boxed()
            .collect(Collectors.groupingBy(x -> x % 7, Collectors.summingLong(x -> x)));
    assertThat(finalSums).isEqualTo(expected);
  }

  @Test
  void minMaxMinByMaxByOnRecordComponents() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    List<Reading> input =
        List.of(
            new Reading("a", 5),
            new Reading("b", 1),
            new Reading("a", 3),
            new Reading("a", 9),
            new Reading("b", 4));
    var keyed = env.fromCollection(input).keyBy(Reading::sensor);
    assertThat(last(collect(keyed.min("value")), Reading::sensor))
        .containsEntry("a", new Reading("a", 3))
        .containsEntry("b", new Reading("b", 1));
    keyed = env.fromCollection(input).keyBy(Reading::sensor);
    assertThat(last(collect(keyed.maxBy("value")), Reading::sensor))
        .containsEntry("a", new Reading("a", 9))
        .containsEntry("b", new Reading("b", 4));
    keyed = env.fromCollection(input).keyBy(Reading::sensor);
    assertThat(last(collect(keyed.sum(1)), Reading::sensor))
        .containsEntry("a", new Reading("a", 17))
        .containsEntry("b", new Reading("b", 5));
  }

  @Test
  void pojoReduceAndMax() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(3);
    List<Pojo> out =
        collect(
            env.fromElements(new Pojo("x", 1), new Pojo("y", 2), new Pojo("x", 4))
                .keyBy(p -> p.name)
                .reduce((a, b) -> new Pojo(a.name, a.count + b.count)));
    Map<String, Integer> totals =
        out.stream().collect(Collectors.toMap(p -> p.name, p -> p.count, Math::max));
    assertThat(totals).containsEntry("x", 5).containsEntry("y", 2);
  }

  private static <T, K> Map<K, T> last(List<T> updates, Function<T, K> key) {
    return updates.stream().collect(Collectors.toMap(key, t -> t, (a, b) -> b));
  }

  @Test
  void processFunctionWithSideOutputAndUnion() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    OutputTag<String> odd = new OutputTag<>("odd", Types.STRING);
    SingleOutputStreamOperator<Long> evens =
        env.fromSequence(1, 10).process(new EvenOddSplitter(odd));
    DataStream<String> merged = evens.map(v -> "even-" + v).union(evens.getSideOutput(odd));
    assertThat(collect(merged))
        .containsExactlyInAnyOrder(
            "even-2", "even-4", "even-6", "even-8", "even-10", "odd-1", "odd-3", "odd-5", "odd-7",
            "odd-9");
  }

  @Test
  void keyedProcessFunctionSeesTheKey() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(4);
    CollectingSink<Tuple3<Long, Long, Integer>> sink = new CollectingSink<>();
    env.fromSequence(0, 99).keyBy(x -> x % 5).process(new KeyAndSubtask()).sinkTo(sink);
    env.execute("keyed process");
    List<Tuple3<Long, Long, Integer>> out = sink.getResults();
    assertThat(out).hasSize(100).allMatch(t -> t.f0 == t.f1 % 5);
    Map<Long, Long> subtasksPerKey =
        out.stream()
            .collect(
                Collectors.groupingBy(
                    t -> t.f0,
                    Collectors.mapping(
                        t -> (long) t.f2,
                        Collectors.collectingAndThen(Collectors.toSet(), s -> (long) s.size()))));
    assertThat(subtasksPerKey.values()).containsOnly(1L);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void sameResultAtEveryParallelism(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    List<String> out =
        collect(
            env.fromSequence(0, 499)
                .map(x -> Tuple2.of("k" + (x % 13), 1L))
                .keyBy(t -> t.f0)
                .sum(1)
                .map(t -> t.f0 + "=" + t.f1));
    out.sort(Comparator.naturalOrder());
    List<String> expected = new ArrayList<>();
    // every running count 1..n of every key appears exactly once
    Map<String, Long> perKey =
        LongStream.range(0, 500)
            .boxed()
            .collect(Collectors.groupingBy(x -> "k" + (x % 13), Collectors.counting()));
    perKey.forEach(
        (k, n) -> {
          for (long i = 1; i <= n; i++) {
            expected.add(k + "=" + i);
          }
        });
    expected.sort(Comparator.naturalOrder());
    assertThat(out).isEqualTo(expected);
  }
}
