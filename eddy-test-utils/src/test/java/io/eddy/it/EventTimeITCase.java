package io.eddy.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.JobClient;
import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.common.eventtime.Watermark;
import io.eddy.api.common.eventtime.WatermarkGenerator;
import io.eddy.api.common.eventtime.WatermarkOutput;
import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.api.connector.source.lib.NumberSequenceSource;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.testutils.CollectingSink;
import io.eddy.testutils.GatedSource;
import io.eddy.testutils.MiniClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Timestamps and watermarks through real tasks and network channels. The cluster runs on a manual
 * clock: periodic watermarks happen only when a test advances it, so outputs are exact.
 */
class EventTimeITCase {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = MiniClusterExtension.withManualClock(2, 4, 0);

  record Event(String key, long time) {}

  /** A punctuated generator: after each event, the watermark is its timestamp minus one. */
  static final class Punctuated<T> implements WatermarkGenerator<T> {
    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
      output.emitWatermark(new Watermark(eventTimestamp - 1));
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }

  /**
   * Registers an event-time timer at each record's timestamp; emits "key:ts" when it fires, and
   * "LATE" for a record at or behind the watermark or a timer fired before the watermark reached
   * it.
   */
  static final class TimerPerRecord extends KeyedProcessFunction<Long, Long, String> {
    @Override
    public void processElement(Long value, Context ctx, Collector<String> out) {
      if (ctx.timestamp() != value.longValue()) {
        out.collect("WRONG TIMESTAMP " + ctx.timestamp() + " for " + value);
      }
      if (ctx.timestamp() <= ctx.timerService().currentWatermark()) {
        out.collect("LATE " + value + " at watermark " + ctx.timerService().currentWatermark());
      }
      ctx.timerService().registerEventTimeTimer(ctx.timestamp());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
      if (ctx.timerService().currentWatermark() < timestamp) {
        out.collect("EARLY " + timestamp);
      }
      out.collect(ctx.getCurrentKey() + ":" + timestamp);
    }
  }

  /** Registers a timer at the end of the record's 10 ms window; emits "key@end" when it fires. */
  static final class WindowEnds extends KeyedProcessFunction<String, Event, String> {
    @Override
    public void processElement(Event value, Context ctx, Collector<String> out) {
      if (ctx.timestamp() != value.time()) {
        out.collect("WRONG TIMESTAMP " + ctx.timestamp());
      }
      ctx.timerService().registerEventTimeTimer(value.time() / 10 * 10 + 9);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
      out.collect(
          ctx.getCurrentKey() + "@" + timestamp + " wm=" + ctx.timerService().currentWatermark());
    }
  }

  /** Watermarks of several source readers merge as their minimum: no record becomes late. */
  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void watermarksOfSeveralChannelsPropagateAsTheirMinimum(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    CollectingSink<String> sink = new CollectingSink<>();
    env.fromSource(
            new NumberSequenceSource(1, 2_000),
            WatermarkStrategy.<Long>forGenerator(ctx -> new Punctuated<>())
                .withTimestampAssigner((value, previous) -> value),
            "Sequence")
        .keyBy(v -> v % 10)
        .process(new TimerPerRecord())
        .sinkTo(sink); // chained to the process function: per-key order is kept
    env.execute();

    List<String> results = sink.getResults();
    assertThat(results)
        .noneMatch(s -> s.startsWith("LATE") || s.startsWith("EARLY") || s.startsWith("WRONG"));
    assertThat(results)
        .containsExactlyInAnyOrderElementsOf(
            LongStream.rangeClosed(1, 2_000).mapToObj(v -> (v % 10) + ":" + v).toList());
    Map<String, List<Long>> firedPerKey =
        results.stream()
            .collect(
                Collectors.groupingBy(
                    s -> s.split(":")[0],
                    Collectors.mapping(s -> Long.parseLong(s.split(":")[1]), Collectors.toList())));
    firedPerKey.values().forEach(times -> assertThat(times).isSorted());
  }

  /**
   * Bounded out-of-orderness assigned after a source: with no periodic emit (the clock stands),
   * every timer fires on the final watermark at the end of input, the same at parallelism 1 and 4.
   */
  @Test
  void timersFireAtTheEndOfInputTheSameAtEveryParallelism() throws Exception {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      events.add(new Event("k" + (i % 7), (i * 37L) % 100));
    }
    List<String> p1 = runWindowEnds(events, 1);
    List<String> p4 = runWindowEnds(events, 4);
    assertThat(p1).isEqualTo(p4);
    List<String> expected =
        events.stream()
            .map(e -> e.key() + "@" + (e.time() / 10 * 10 + 9) + " wm=" + Long.MAX_VALUE)
            .distinct()
            .sorted()
            .toList();
    assertThat(p1).isEqualTo(expected);
  }

  private static List<String> runWindowEnds(List<Event> events, int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    CollectingSink<String> sink = new CollectingSink<>();
    env.fromCollection(events)
        .assignTimestampsAndWatermarks(
            WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(20))
                .withTimestampAssigner((e, previous) -> e.time()))
        .keyBy(Event::key)
        .process(new WindowEnds())
        .sinkTo(sink);
    env.execute();
    return sink.getResults().stream().sorted().toList();
  }

  /**
   * Two sources, one that never sends anything: without idleness it would hold the watermark back
   * until the end; with {@code withIdleness} it is declared idle once the clock passes the timeout,
   * and the timers fire while the job still runs.
   */
  @Test
  void anIdleChannelDoesNotHoldTheWatermarkBack() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.setBufferTimeout(0);
    env.setAutoWatermarkInterval(100);
    GatedSource<Long, ?> active =
        GatedSource.of(Types.LONG.createSerializer(), List.of(10L, 20L, 30L));
    GatedSource<Long, ?> silent = GatedSource.of(Types.LONG.createSerializer(), List.of(-1L));
    WatermarkStrategy<Long> strategy =
        WatermarkStrategy.<Long>forMonotonousTimestamps()
            .withTimestampAssigner((value, previous) -> value)
            .withIdleness(Duration.ofMillis(300));
    CollectingSink<String> sink = new CollectingSink<>();
    env.fromSource(active, strategy, "Active")
        .union(
            env.fromSource(silent, WatermarkStrategy.noWatermarks(), "Silent")
                .filter(v -> v >= 0) // lets nothing through
                .assignTimestampsAndWatermarks(strategy)) // so this becomes idle
        .keyBy(v -> 0L)
        .process(new TimerPerRecord())
        .setParallelism(1)
        .sinkTo(sink);
    JobClient job = env.executeAsync("idleness");
    var clock = CLUSTER.getManualClock();
    // Periodic emits run as mails; step the clock until the silent input was declared idle.
    Await.until(
        () -> {
          clock.advance(Duration.ofMillis(100));
          return sink.getResults().contains("0:20");
        },
        "the timers up to the active input's watermark (29)");
    assertThat(sink.getResults()).containsExactly("0:10", "0:20");

    active.open();
    silent.open();
    job.getJobExecutionResult().get();
    assertThat(sink.getResults()).containsExactly("0:10", "0:20", "0:30");
  }
}
