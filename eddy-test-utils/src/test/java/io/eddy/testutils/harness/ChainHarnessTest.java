package io.eddy.testutils.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.state.ValueStateDescriptor;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.windowing.assigners.TumblingEventTimeWindows;
import io.eddy.runtime.operators.KeyedProcessOperator;
import io.eddy.runtime.operators.StreamMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several functions chained under one {@link ChainHarness}. */
class ChainHarnessTest {
  /** A number of clicks of a user. */
  record Clicks(String user, int count) {}

  private static final OutputTag<Clicks> REJECTED = new OutputTag<>("rejected") {};

  /** "a:3" is 3 clicks of user a. */
  private static Clicks parse(String line) {
    String[] parts = line.split(":");
    return new Clicks(parts[0], Integer.parseInt(parts[1]));
  }

  /**
   * Sums the clicks per user; 10 ms of event time after each element reports the sum. Negative
   * counts go to the side output {@code rejected}.
   */
  static class SumThenReport extends KeyedProcessFunction<String, Clicks, String> {
    private final ValueStateDescriptor<Integer> sum = new ValueStateDescriptor<>("sum", Types.INT);

    @Override
    public void processElement(Clicks value, Context ctx, Collector<String> out) throws Exception {
      if (value.count() < 0) {
        ctx.output(REJECTED, value);
        return;
      }
      ValueState<Integer> state = getRuntimeContext().getState(sum);
      state.update((state.value() == null ? 0 : state.value()) + value.count());
      ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out)
        throws Exception {
      out.collect(ctx.getCurrentKey() + "=" + getRuntimeContext().getState(sum).value());
    }
  }

  /** map (parse) → keyed process (sum, timer) → filter (sums of at least 3). */
  private static ChainHarness.Builder<String, String> chain() {
    return ChainHarness.<String>builder()
        .map(ChainHarnessTest::parse)
        .keyedProcess(new SumThenReport(), Clicks::user, Types.STRING)
        .filter(v -> Integer.parseInt(v.substring(v.indexOf('=') + 1)) >= 3);
  }

  private static HarnessSnapshot runUntilTheSnapshot() throws Exception {
    try (ChainHarness<String, String> h = chain().build()) {
      assertThat(h.size()).isEqualTo(3);
      assertThat(h.operator(1)).isInstanceOf(KeyedProcessOperator.class);
      assertThat(h.keyedStateBackend(0)).isNull();
      assertThat(h.keyedStateBackend(1)).isNotNull();
      h.processElement("a:1", 1);
      h.processElement("b:1", 2);
      h.processElement("a:-4", 3);
      h.processElement("a:2", 4);
      h.processWatermark(5);
      // the middle operator's side output, and the last operator's main output
      assertThat(h.takeOutput()).containsExactly("rejected:Clicks[user=a, count=-4]@3", "W(5)");
      return h.snapshot();
    }
  }

  @Test
  void aMapKeyedProcessFilterChainRestoresItsStateAndTimers() throws Exception {
    HarnessSnapshot snapshot = runUntilTheSnapshot();
    assertThat(snapshot.operatorCount()).isEqualTo(3);

    try (ChainHarness<String, String> h = chain().restoreFrom(snapshot).build()) {
      h.processElement("b:5", 5);
      h.processElement("c:1", 6);
      h.processWatermark(11); // a's timer at 11: a=3
      assertThat(h.takeOutput()).containsExactly("a=3@11", "W(11)");
      h.processWatermark(20); // b at 12 and 15, a at 14; c=1 at 16 is filtered out
      assertThat(h.takeOutput()).containsExactly("b=6@12", "a=3@14", "b=6@15", "W(20)");
      h.endInput();
    }
  }

  @Test
  void aChainRestoresAtAnotherParallelism() throws Exception {
    HarnessSnapshot snapshot = runUntilTheSnapshot();
    List<String> out = new ArrayList<>();
    for (int subtask = 0; subtask < 2; subtask++) {
      try (ChainHarness<String, String> h =
          chain().parallelism(2).subtask(subtask).restoreFrom(snapshot).build()) {
        for (String line : List.of("b:5", "c:1", "a:1")) {
          if (h.ownsKey(line.substring(0, 1))) {
            h.processElement(line, 5);
          }
        }
        h.processWatermark(20);
        out.addAll(h.extractOutputValues());
      }
    }
    assertThat(out).containsExactlyInAnyOrder("a=4", "a=4", "b=6", "b=6", "a=4");
  }

  @Test
  void aWindowAndOperatorsCanBeSteps() throws Exception {
    try (ChainHarness<String, String> h =
        ChainHarness.builder(String.class)
            .then(new StreamMap<>(ChainHarnessTest::parse))
            .then(
                FunctionHarnesses.forWindow(
                        Clicks::user,
                        Types.STRING,
                        TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                    .reduce((x, y) -> new Clicks(x.user(), x.count() + y.count())))
            .map(c -> c.user() + c.count())
            .build()) {
      h.processElement("a:1", 1);
      h.processElement("a:2", 2);
      h.processElement("b:7", 3);
      h.processWatermark(10);
      assertThat(h.takeOutput()).containsExactlyInAnyOrder("a3@9", "b7@9", "W(10)");
      HarnessSnapshot snapshot = h.snapshot();
      assertThat(snapshot.operatorCount()).isEqualTo(3);
      assertThatThrownBy(
              () -> FunctionHarnesses.forMap(ChainHarnessTest::parse).restoreFrom(snapshot).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("3 operator(s)");
    }
  }
}
