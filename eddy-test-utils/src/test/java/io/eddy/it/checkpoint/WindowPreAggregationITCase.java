package io.eddy.it.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.checkpoint.CheckpointingMode;
import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.restartstrategy.RestartStrategies;
import io.eddy.api.common.serialization.SimpleStringEncoder;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.api.connector.sink.Sink;
import io.eddy.api.connector.source.lib.DataGeneratorSource;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.functions.windowing.ProcessAllWindowFunction;
import io.eddy.api.functions.windowing.ProcessWindowFunction;
import io.eddy.api.java.tuple.Tuple2;
import io.eddy.api.windowing.assigners.SlidingEventTimeWindows;
import io.eddy.api.windowing.assigners.TumblingEventTimeWindows;
import io.eddy.api.windowing.assigners.WindowAssigner;
import io.eddy.api.windowing.windows.TimeWindow;
import io.eddy.connector.file.sink.FileSink;
import io.eddy.testutils.CollectingSink;
import io.eddy.testutils.MiniClusterExtension;
import io.eddy.testutils.jobs.KeyedCounting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keyed tumbling and sliding event-time windows that reduce, with and without the pre-aggregation
 * the planner puts in front of their shuffle: the same windows with the same sums as an oracle
 * computes, at parallelism 1 and 4, from out-of-order input; each key's elements reduced in their
 * order (a reduce that is not commutative); and every window exactly once while a mapper in the
 * pre-aggregation's task throws at random points and the job restarts from checkpoints (aligned and
 * unaligned: the held values must travel ahead of the barriers).
 */
class WindowPreAggregationITCase {
  @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension(2, 4);

  private static final long RECORDS = 40_000;
  private static final int KEYS = 16;
  private static final long WINDOW = 100;
  private static final long SLIDE = 30;

  @TempDir Path checkpoints;
  @TempDir Path output;

  @BeforeEach
  void reset() {
    KeyedCounting.PROCESSED.set(0);
  }

  /**
   * Event time of record i: i/2 ms, up to 40 ms out of order. The watermark allows 2 s, more than a
   * reader can go back in time when it takes over a split another reader held before a restart, so
   * no element is late and every window is complete.
   */
  private static long timestamp(long i) {
    // a hash, so that the disorder differs from key to key and pane to pane
    return i / 2
        + Math.floorMod(Long.rotateLeft(i * 0x9E3779B97F4A7C15L, 31) * 0xBF58476D1CE4E5B9L, 40);
  }

  /** Each window start of record i's timestamp: one if tumbling, else size/slide of them. */
  private static List<Long> windowStarts(long i, boolean sliding) {
    long ts = timestamp(i);
    if (!sliding) {
      return List.of(ts - ts % WINDOW);
    }
    List<Long> starts = new ArrayList<>();
    for (long start = ts - ts % SLIDE; start > ts - WINDOW; start -= SLIDE) {
      starts.add(start);
    }
    return starts;
  }

  /** "key,windowStart,sum" per key and window, as an uninterrupted run must write them. */
  private static List<String> oracle(boolean sliding) {
    Map<String, Long> sums = new TreeMap<>();
    for (long i = 0; i < RECORDS; i++) {
      for (long start : windowStarts(i, sliding)) {
        sums.merge((i % KEYS) + "," + start, i, Long::sum);
      }
    }
    List<String> lines = new ArrayList<>();
    sums.forEach((keyAndStart, sum) -> lines.add(keyAndStart + "," + sum));
    return lines.stream().sorted().toList();
  }

  private static WindowAssigner<Object, TimeWindow> assigner(boolean sliding) {
    return sliding
        ? SlidingEventTimeWindows.of(Duration.ofMillis(WINDOW), Duration.ofMillis(SLIDE))
        : TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW));
  }

  /** Labels the window's one reduced value with its key and start. */
  static final class Label extends ProcessWindowFunction<Long, String, Long, TimeWindow> {
    @Override
    public void process(Long key, Context ctx, Iterable<Long> sums, Collector<String> out) {
      out.collect(key + "," + ctx.window().getStart() + "," + sums.iterator().next());
    }
  }

  /** Labels the window's joined numbers with its key and start. */
  static final class LabelJoined
      extends ProcessWindowFunction<Tuple2<Long, String>, String, Long, TimeWindow> {
    @Override
    public void process(
        Long key, Context ctx, Iterable<Tuple2<Long, String>> joined, Collector<String> out) {
      out.collect(key + "," + ctx.window().getStart() + "," + joined.iterator().next().f1);
    }
  }

  private static DataStream<Long> numbers(StreamExecutionEnvironment env, long[] failurePoints) {
    return env.fromSource(
            new DataGeneratorSource<>(i -> i, RECORDS, 40_000),
            WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofSeconds(2))
                .withTimestampAssigner((v, previous) -> timestamp(v)),
            "numbers")
        .map(new KeyedCounting.FailingMapper(failurePoints));
  }

  private static void build(
      StreamExecutionEnvironment env, boolean sliding, long[] failurePoints, Sink<String> sink) {
    numbers(env, failurePoints)
        .keyBy(v -> v % KEYS)
        .window(assigner(sliding))
        .reduce(Long::sum, new Label())
        .sinkTo(sink);
  }

  @ParameterizedTest(name = "p={0} pre-aggregation={1} sliding={2}")
  @CsvSource({
    "1,true,false",
    "4,true,false",
    "1,false,false",
    "4,false,false",
    "1,true,true",
    "4,true,true",
    "4,false,true"
  })
  void sameWindowsWithOrWithoutPreAggregation(
      int parallelism, boolean preAggregation, boolean sliding) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    env.setWindowPreAggregation(preAggregation);
    CollectingSink<String> sink = new CollectingSink<>();
    build(env, sliding, new long[0], sink);
    env.execute("window pre-aggregation");
    assertThat(sink.getResults().stream().sorted().toList()).isEqualTo(oracle(sliding));
  }

  /**
   * The same over the Netty data plane: p=4 on 2 TaskManagers, so pre-aggregated values with their
   * keys cross real sockets.
   */
  @ParameterizedTest(name = "netty sliding={0}")
  @CsvSource({"false", "true"})
  void sameWindowsAcrossTheNetwork(boolean sliding) throws Exception {
    CLUSTER.onNettyCluster(2, 2, () -> sameWindowsWithOrWithoutPreAggregation(4, true, sliding));
  }

  /** Labels the all-window's one sum with its start. */
  static final class LabelAll extends ProcessAllWindowFunction<Long, String, TimeWindow> {
    @Override
    public void process(Context ctx, Iterable<Long> sums, Collector<String> out) {
      out.collect(ctx.window().getStart() + "," + sums.iterator().next());
    }
  }

  /** windowAll runs at parallelism 1 behind a shuffle on one key: 4 subtasks pre-aggregate. */
  @ParameterizedTest(name = "pre-aggregation={0}")
  @CsvSource({"true", "false"})
  void windowAllSumsEveryElementOnce(boolean preAggregation) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(4);
    env.setWindowPreAggregation(preAggregation);
    CollectingSink<String> sink = new CollectingSink<>();
    numbers(env, new long[0])
        .windowAll(TumblingEventTimeWindows.<Long>of(Duration.ofMillis(WINDOW)))
        .reduce(Long::sum, new LabelAll())
        .sinkTo(sink);
    env.execute("windowAll pre-aggregation");

    Map<Long, Long> sums = new TreeMap<>();
    for (long i = 0; i < RECORDS; i++) {
      sums.merge(windowStarts(i, false).get(0), i, Long::sum);
    }
    List<String> expected = new ArrayList<>();
    sums.forEach((start, sum) -> expected.add(start + "," + sum));
    assertThat(sink.getResults().stream().sorted().toList())
        .isEqualTo(expected.stream().sorted().toList());
  }

  /**
   * At parallelism 1 the window reduces each key's elements in the order the source read them, so a
   * reduce that is associative but not commutative (joining the numbers with commas) tells whether
   * the pre-aggregation kept that order, across the panes of sliding windows too.
   */
  @ParameterizedTest(name = "sliding={0}")
  @CsvSource({"false", "true"})
  void eachKeysElementsAreReducedInTheirOrder(boolean sliding) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    CollectingSink<String> sink = new CollectingSink<>();
    numbers(env, new long[0])
        .map(v -> Tuple2.of(v % KEYS, String.valueOf(v)))
        .returns(Types.TUPLE(Types.LONG, Types.STRING))
        .keyBy(t -> t.f0)
        .window(assigner(sliding))
        .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + " " + b.f1), new LabelJoined())
        .sinkTo(sink);
    env.execute("window pre-aggregation keeps the order");

    Map<String, StringBuilder> joined = new TreeMap<>();
    for (long i = 0; i < RECORDS; i++) {
      for (long start : windowStarts(i, sliding)) {
        StringBuilder b =
            joined.computeIfAbsent((i % KEYS) + "," + start, k -> new StringBuilder());
        b.append(b.length() == 0 ? "" : " ").append(i);
      }
    }
    List<String> expected = new ArrayList<>();
    joined.forEach((keyAndStart, numbers) -> expected.add(keyAndStart + "," + numbers));
    assertThat(sink.getResults().stream().sorted().toList())
        .isEqualTo(expected.stream().sorted().toList());
  }

  @ParameterizedTest(name = "unaligned={0} sliding={1}")
  @CsvSource({"false,false", "true,true"})
  void everyWindowExactlyOnceDespiteFailures(boolean unaligned, boolean sliding) throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    long[] failurePoints =
        random.longs(3, RECORDS / 10, RECORDS * 9 / 10).distinct().sorted().toArray();
    System.out.println(
        "WindowPreAggregationITCase unaligned="
            + unaligned
            + " seed="
            + seed
            + " failure points="
            + Arrays.toString(failurePoints));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(4);
    env.enableCheckpointing(40, CheckpointingMode.EXACTLY_ONCE);
    env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
    env.getCheckpointConfig().enableUnalignedCheckpoints(unaligned);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(10, Duration.ofMillis(20)));
    build(
        env,
        sliding,
        failurePoints,
        FileSink.forRowFormat(output, new SimpleStringEncoder<String>()).build());
    env.execute("window pre-aggregation under failures");

    List<String> lines =
        ExactlyOnceITCase.readFinishedLines(output).stream()
            .map(fields -> String.join(",", fields))
            .sorted()
            .toList();
    assertThat(lines).isEqualTo(oracle(sliding));
    assertThat(KeyedCounting.PROCESSED.get()).isGreaterThan(RECORDS); // records were replayed
  }
}
