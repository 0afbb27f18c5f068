package io.eddy.bench;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.api.java.tuple.Tuple2;
import io.eddy.api.windowing.assigners.TumblingEventTimeWindows;
import java.time.Duration;

/**
 * The reference workloads' pipelines (shared/bench/README.md), built the same way as the peer
 * baseline's, each ending in a discarding sink. Each method only defines the job; the caller runs
 * it.
 */
final class Workloads {
  private Workloads() {}

  /** sequence 0..n-1 → i*3 → keep even → (i, i+1) → rebalance → discard. */
  static void stateless(StreamExecutionEnvironment env, long n) {
    env.fromSequence(0, n - 1)
        .map(i -> i * 3)
        .filter(i -> (i & 1) == 0)
        .map(i -> Tuple2.of(i, i + 1))
        .returns(Types.TUPLE(Types.LONG, Types.LONG))
        .rebalance()
        .sinkToDiscarding();
  }

  /** sequence 0..n-1 → (mix(i) % 100000, 1) → keyBy f0 → running sum of f1 → discard. */
  static void keyedSum(StreamExecutionEnvironment env, long n) {
    env.fromSequence(0, n - 1)
        .map(i -> Tuple2.of(Mix.mix(i) % 100_000, 1L))
        .returns(Types.TUPLE(Types.LONG, Types.LONG))
        .keyBy(t -> t.f0)
        .sum(1)
        .sinkToDiscarding();
  }

  /**
   * sequence 0..n-1 → (mix(i) % 1000, i) → event time i/100 ms, watermarks 100 ms out of order →
   * keyBy f0 → tumbling 1 s event-time windows → reduce (sum of f1) → discard.
   */
  static void window(StreamExecutionEnvironment env, long n) {
    env.fromSequence(0, n - 1)
        .map(i -> Tuple2.of(Mix.mix(i) % 1_000, i))
        .returns(Types.TUPLE(Types.LONG, Types.LONG))
        .assignTimestampsAndWatermarks(
            WatermarkStrategy.<Tuple2<Long, Long>>forBoundedOutOfOrderness(Duration.ofMillis(100))
                .withTimestampAssigner((e, ts) -> e.f1 / 100))
        .keyBy(t -> t.f0)
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
        .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1))
        .sinkToDiscarding();
  }

  /** lines of {@code input} → split on single spaces → (word, 1) → keyBy word → running sum. */
  static void wordCount(StreamExecutionEnvironment env, String input) {
    env.readTextFile(input)
        .flatMap(
            (String line, Collector<Tuple2<String, Long>> out) -> {
              for (String word : line.split(" ")) {
                out.collect(Tuple2.of(word, 1L));
              }
            })
        .returns(Types.TUPLE(Types.STRING, Types.LONG))
        .keyBy(t -> t.f0)
        .sum(1)
        .sinkToDiscarding();
  }
}
