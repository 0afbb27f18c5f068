package io.eddy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.JobExecutionException;
import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.common.functions.AggregateFunction;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.functions.OpenContext;
import io.eddy.api.common.functions.RichFlatMapFunction;
import io.eddy.api.common.functions.RichMapFunction;
import io.eddy.api.common.state.AggregatingState;
import io.eddy.api.common.state.AggregatingStateDescriptor;
import io.eddy.api.common.state.ListState;
import io.eddy.api.common.state.ListStateDescriptor;
import io.eddy.api.common.state.MapState;
import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.state.ReducingState;
import io.eddy.api.common.state.ReducingStateDescriptor;
import io.eddy.api.common.state.StateTtlConfig;
import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.state.ValueStateDescriptor;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.runtime.state.ttl.ManualTtlTimeProvider;
import io.eddy.runtime.state.ttl.TtlTimeProviders;
import io.eddy.testutils.CollectingSink;
import io.eddy.testutils.MiniClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * User keyed state in real jobs: each job runs at parallelism 1 and 4 (one source subtask, so each
 * key's records arrive in the same order) and must give the same sorted result.
 */
class KeyedStateITCase {
  @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension(2, 4);

  private static final List<Long> INPUT =
      LongStream.range(0, 2_000).boxed().collect(Collectors.toList());

  /** Emits "key:n" for the n-th record of each key. */
  static final class CountPerKey extends RichFlatMapFunction<Long, String> {
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext context) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public void flatMap(Long value, Collector<String> out) {
      Long current = count.value();
      long next = current == null ? 1 : current + 1;
      count.update(next);
      out.collect(value % 17 + ":" + next);
    }
  }

  /** Emits each value once per key: the first time it is seen. */
  static final class Dedup extends KeyedProcessFunction<Long, Long, String> {
    private transient MapState<Long, Boolean> seen;

    @Override
    public void open(OpenContext context) {
      seen =
          getRuntimeContext()
              .getMapState(new MapStateDescriptor<>("seen", Long.class, Boolean.class));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<String> out) {
      long v = value % 41;
      if (!seen.contains(v)) {
        seen.put(v, true);
        out.collect(ctx.getCurrentKey() + ":" + v);
      }
    }
  }

  /** Buffers five values per key in list state, then emits their sum. */
  static final class SumOfFive extends RichFlatMapFunction<Long, String> {
    private transient ListState<Long> buffer;

    @Override
    public void open(OpenContext context) {
      buffer = getRuntimeContext().getListState(new ListStateDescriptor<>("buffer", Types.LONG));
    }

    @Override
    public void flatMap(Long value, Collector<String> out) {
      buffer.add(value);
      List<Long> values = new ArrayList<>();
      buffer.get().forEach(values::add);
      if (values.size() == 5) {
        out.collect(value % 7 + ":" + values.stream().mapToLong(Long::longValue).sum());
        buffer.clear();
      }
    }
  }

  static final class Average implements AggregateFunction<Long, long[], Double> {
    @Override
    public long[] createAccumulator() {
      return new long[2];
    }

    @Override
    public long[] add(Long value, long[] acc) {
      acc[0] += value;
      acc[1]++;
      return acc;
    }

    @Override
    public Double getResult(long[] acc) {
      return (double) acc[0] / acc[1];
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      a[0] += b[0];
      a[1] += b[1];
      return a;
    }
  }

  /** Emits "key:runningSum/runningAverage" from reducing and aggregating state. */
  static final class SumAndAverage extends RichMapFunction<Long, String> {
    private transient ReducingState<Long> sum;
    private transient AggregatingState<Long, Double> average;

    @Override
    public void open(OpenContext context) {
      sum =
          getRuntimeContext()
              .getReducingState(new ReducingStateDescriptor<>("sum", Long::sum, Long.class));
      average =
          getRuntimeContext()
              .getAggregatingState(
                  new AggregatingStateDescriptor<>("avg", new Average(), long[].class));
    }

    @Override
    public String map(Long value) {
      sum.add(value);
      average.add(value);
      return value % 11 + ":" + sum.get() + "/" + average.get();
    }
  }

  @Test
  void valueStateCountsPerKey() throws Exception {
    List<String> p1 = run(1, s -> s.keyBy(x -> x % 17).flatMap(new CountPerKey()));
    List<String> p4 = run(4, s -> s.keyBy(x -> x % 17).flatMap(new CountPerKey()));
    assertThat(p4).isEqualTo(p1).hasSize(INPUT.size());
    assertThat(p1).contains("0:118", "16:117").doesNotContain("0:119");
  }

  @Test
  void mapStateDeduplicates() throws Exception {
    List<String> p1 = run(1, s -> s.keyBy(x -> x % 3).process(new Dedup()));
    List<String> p4 = run(4, s -> s.keyBy(x -> x % 3).process(new Dedup()));
    assertThat(p4).isEqualTo(p1).hasSize(3 * 41).doesNotHaveDuplicates();
  }

  @Test
  void listStateBuffers() throws Exception {
    List<String> p1 = run(1, s -> s.keyBy(x -> x % 7).flatMap(new SumOfFive()));
    List<String> p4 = run(4, s -> s.keyBy(x -> x % 7).flatMap(new SumOfFive()));
    assertThat(p4).isEqualTo(p1);
    // key 0 sees 0, 7, 14, 21, 28 first
    assertThat(p1).contains("0:70").hasSize(7 * (INPUT.size() / 7 / 5));
  }

  @Test
  void reducingAndAggregatingState() throws Exception {
    List<String> p1 = run(1, s -> s.keyBy(x -> x % 11).map(new SumAndAverage()));
    List<String> p4 = run(4, s -> s.keyBy(x -> x % 11).map(new SumAndAverage()));
    assertThat(p4).isEqualTo(p1).hasSize(INPUT.size());
    assertThat(p1).contains("0:0/0.0", "0:11/5.5", "3:17/8.5");
  }

  @Test
  void keyedStateOnANonKeyedStreamFailsTheJobWithAClearError() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.fromSequence(0, 10).flatMap(new CountPerKey()).name("Counter").sinkToDiscarding();
    assertThatThrownBy(env::execute)
        .isInstanceOf(JobExecutionException.class)
        .hasMessageContaining(
            "Keyed state can only be used on a keyed stream: call keyBy(...) before 'Counter'");
  }

  /** Dedup with a one-hour TTL; the element "tick" advances the test clock by an hour. */
  static final class DedupWithTtl extends RichFlatMapFunction<String, String> {
    static final ManualTtlTimeProvider CLOCK = new ManualTtlTimeProvider(0);
    private transient ValueState<Boolean> seen;

    @Override
    public void open(OpenContext context) {
      ValueStateDescriptor<Boolean> descriptor = new ValueStateDescriptor<>("seen", Boolean.class);
      descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofHours(1)).build());
      seen = getRuntimeContext().getState(descriptor);
    }

    @Override
    public void flatMap(String value, Collector<String> out) {
      if (value.equals("tick")) {
        CLOCK.advance(Duration.ofHours(1));
      } else if (seen.value() == null) {
        seen.update(true);
        out.collect(value);
      }
    }
  }

  @Test
  void stateExpiresWithTheTestClock() throws Exception {
    TtlTimeProviders.setOverrideForTesting(DedupWithTtl.CLOCK);
    try {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(1);
      CollectingSink<String> sink = new CollectingSink<>();
      env.fromElements("a", "b", "a", "tick", "a", "c", "b", "c")
          .keyBy(s -> s)
          .flatMap(new DedupWithTtl())
          .sinkTo(sink);
      env.execute();
      assertThat(sink.getResults()).containsExactly("a", "b", "a", "c", "b");
    } finally {
      TtlTimeProviders.setOverrideForTesting(null);
    }
  }

  private static List<String> run(
      int parallelism, Function<DataStream<Long>, DataStream<String>> job) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    CollectingSink<String> sink = new CollectingSink<>();
    DataStream<Long> source = env.fromCollection(INPUT).setParallelism(1);
    job.apply(source).sinkTo(sink);
    env.execute();
    List<String> results = sink.getResults();
    results.sort(null);
    return results;
  }
}
