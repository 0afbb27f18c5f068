package io.eddy.it.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.checkpoint.CheckpointingMode;
import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.restartstrategy.RestartStrategies;
import io.eddy.api.common.serialization.SimpleStringEncoder;
import io.eddy.api.connector.file.sink.FileSink;
import io.eddy.api.connector.sink.Sink;
import io.eddy.api.connector.source.lib.DataGeneratorSource;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.functions.windowing.ProcessWindowFunction;
import io.eddy.api.windowing.assigners.TumblingEventTimeWindows;
import io.eddy.api.windowing.windows.TimeWindow;
import io.eddy.testutils.CollectingSink;
import io.eddy.testutils.MiniClusterExtension;
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
 * Keyed tumbling event-time windows that reduce, with and without the pre-aggregation the planner
 * puts in front of their shuffle: the same windows with the same sums as an oracle computes, at
 * parallelism 1 and 4, from out-of-order input; and every window exactly once while a mapper in the
 * pre-aggregation's task throws at random points and the job restarts from checkpoints (aligned and
 * unaligned: the held values must travel ahead of the barriers).
 */
class WindowPreAggregationITCase {
  @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension(2, 4);

  private static final long RECORDS = 40_000;
  private static final int KEYS = 16;
  private static final long WINDOW = 100;

  @TempDir Path checkpoints;
  @TempDir Path output;

  @BeforeEach
  void reset() {
    ExactlyOnceITCase.PROCESSED.set(0);
  }

  /**
   * Event time of record i: i/2 ms, up to 40 ms out of order. The watermark allows 2 s, more than a
   * reader can go back in time when it takes over a split another reader held before a restart, so
   * no element is late and every window is complete.
   */
  private static long timestamp(long i) {
    return i / 2 + (i * 7919) % 40;
  }

  /** "key,windowStart,sum" per key and window, as an uninterrupted run must write them. */
  private static List<String> oracle() {
    Map<String, Long> sums = new TreeMap<>();
    for (long i = 0; i < RECORDS; i++) {
      long start = timestamp(i) - timestamp(i) % WINDOW;
      sums.merge((i % KEYS) + "," + start, i, Long::sum);
    }
    List<String> lines = new ArrayList<>();
    sums.forEach((keyAndStart, sum) -> lines.add(keyAndStart + "," + sum));
    return lines.stream().sorted().toList();
  }

  /** Labels the window's one reduced value with its key and start. */
  static final class Label extends ProcessWindowFunction<Long, String, Long, TimeWindow> {
    @Override
    public void process(Long key, Context ctx, Iterable<Long> sums, Collector<String> out) {
      out.collect(key + "," + ctx.window().getStart() + "," + sums.iterator().next());
    }
  }

  private static void build(
      StreamExecutionEnvironment env, long[] failurePoints, Sink<String> sink) {
    DataStream<Long> numbers =
        env.fromSource(
                new DataGeneratorSource<>(i -> i, RECORDS, 40_000),
                WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofSeconds(2))
                    .withTimestampAssigner((v, previous) -> timestamp(v)),
                "numbers")
            .map(new ExactlyOnceITCase.FailingMapper(failurePoints));
    numbers
        .keyBy(v -> v % KEYS)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW)))
        .reduce(Long::sum, new Label())
        .sinkTo(sink);
  }

  @ParameterizedTest(name = "p={0} pre-aggregation={1}")
  @CsvSource({"1,true", "4,true", "1,false", "4,false"})
  void sameWindowsWithOrWithoutPreAggregation(int parallelism, boolean preAggregation)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    env.setWindowPreAggregation(preAggregation);
    CollectingSink<String> sink = new CollectingSink<>();
    build(env, new long[0], sink);
    env.execute("window pre-aggregation");
    assertThat(sink.getResults().stream().sorted().toList()).isEqualTo(oracle());
  }

  @ParameterizedTest(name = "unaligned={0}")
  @CsvSource({"false", "true"})
  void everyWindowExactlyOnceDespiteFailures(boolean unaligned) throws Exception {
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
        failurePoints,
        FileSink.forRowFormat(output, new SimpleStringEncoder<String>()).build());
    env.execute("window pre-aggregation under failures");

    List<String> lines =
        ExactlyOnceITCase.readFinishedLines(output).stream()
            .map(fields -> String.join(",", fields))
            .sorted()
            .toList();
    assertThat(lines).isEqualTo(oracle());
    assertThat(ExactlyOnceITCase.PROCESSED.get()).isGreaterThan(RECORDS); // records were replayed
  }
}
