package io.eddy.testutils.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.common.functions.AbstractRichFunction;
import io.eddy.api.common.functions.AggregateFunction;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.functions.ReduceFunction;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.windowing.ProcessWindowFunction;
import io.eddy.api.windowing.assigners.TumblingEventTimeWindows;
import io.eddy.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Window functions under {@link FunctionHarnesses#forWindow}. */
class WindowHarnessTest {
  /** A number of clicks of a user. */
  record Clicks(String user, int count) {}

  private static final OutputTag<Clicks> LATE = new OutputTag<>("late") {};
  private static final ReduceFunction<Clicks> SUM =
      (a, b) -> new Clicks(a.user(), a.count() + b.count());

  private static WindowHarnessBuilder<Clicks, String, TimeWindow> tumbling10() {
    return FunctionHarnesses.forWindow(
        Clicks::user, Types.STRING, TumblingEventTimeWindows.of(Duration.ofMillis(10)));
  }

  @Test
  void aTumblingReduceFiresAtTheWatermarkAndSendsLateDataToTheSideOutput() throws Exception {
    try (OneInputOperatorHarness<Clicks, Clicks> h =
        tumbling10().sideOutputLateData(LATE).reduce(SUM).build()) {
      h.processElement(new Clicks("a", 1), 1);
      h.processElement(new Clicks("a", 2), 5);
      h.processElement(new Clicks("b", 3), 7);
      h.processElement(new Clicks("a", 4), 12);
      h.processWatermark(8);
      assertThat(h.takeOutput()).containsExactly("W(8)");
      h.processWatermark(9);
      assertThat(h.takeRecords())
          .containsExactlyInAnyOrder("Clicks[user=a, count=3]@9", "Clicks[user=b, count=3]@9");
      h.processElement(new Clicks("a", 5), 3); // [0,10) is gone
      assertThat(h.extractSideOutputValues(LATE)).containsExactly(new Clicks("a", 5));
      assertThat(h.getSideOutput(LATE).get(0).timestamp()).isEqualTo(3);
      h.processWatermark(19);
      assertThat(h.takeOutput())
          .containsExactly("late:Clicks[user=a, count=5]@3", "Clicks[user=a, count=4]@19", "W(19)");
    }
  }

  /** Describes each window: key, bounds, count, and the watermark when it fired. */
  static class Describe extends ProcessWindowFunction<Clicks, String, String, TimeWindow> {
    @Override
    public void process(
        String key, Context context, Iterable<Clicks> elements, Collector<String> out) {
      int n = 0;
      for (Clicks ignored : elements) {
        n++;
      }
      TimeWindow w = context.window();
      out.collect(key + "[" + w.getStart() + "," + w.getEnd() + ")x" + n);
    }
  }

  @Test
  void aProcessWindowFunctionSeesTheWindowAndFiresAgainForLateElementsWithinTheLateness()
      throws Exception {
    try (OneInputOperatorHarness<Clicks, String> h =
        tumbling10()
            .elementType(Types.RECORD(Clicks.class))
            .allowedLateness(Duration.ofMillis(5))
            .sideOutputLateData(LATE)
            .process(new Describe())
            .build()) {
      h.processElement(new Clicks("a", 1), 2);
      h.processElement(new Clicks("a", 1), 4);
      h.processWatermark(10);
      assertThat(h.takeRecords()).containsExactly("a[0,10)x2@9");
      h.processElement(new Clicks("a", 1), 8); // late, but within the allowed lateness
      assertThat(h.takeRecords()).containsExactly("a[0,10)x3@9");
      h.processWatermark(14); // the window's state is gone at 9 + 5
      h.processElement(new Clicks("a", 1), 6);
      assertThat(h.takeRecords()).containsExactly("late:Clicks[user=a, count=1]@6");
    }
  }

  @Test
  void aWindowKeepsTheChecksOfTheDataStreamApi() {
    assertThatThrownBy(() -> tumbling10().reduce(new RichSum()))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  static class RichSum extends AbstractRichFunction implements ReduceFunction<Clicks> {
    @Override
    public Clicks reduce(Clicks a, Clicks b) {
      return new Clicks(a.user(), a.count() + b.count());
    }
  }

  /** Counts the clicks of a window (the number of elements and the sum). */
  static class CountClicks implements AggregateFunction<Clicks, long[], String> {
    @Override
    public long[] createAccumulator() {
      return new long[2];
    }

    @Override
    public long[] add(Clicks value, long[] acc) {
      return new long[] {acc[0] + 1, acc[1] + value.count()};
    }

    @Override
    public String getResult(long[] acc) {
      return acc[0] + "/" + acc[1];
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      return new long[] {a[0] + b[0], a[1] + b[1]};
    }
  }

  static class WithKey extends ProcessWindowFunction<String, String, String, TimeWindow> {
    @Override
    public void process(String key, Context ctx, Iterable<String> results, Collector<String> out) {
      out.collect(key + "=" + results.iterator().next());
    }
  }

  private static OneInputOperatorHarness.Builder<Clicks, String> aggregating() {
    return tumbling10().aggregate(new CountClicks(), new WithKey());
  }

  @Test
  void windowContentsAndTimersAreRestoredAtAnotherParallelism() throws Exception {
    List<String> users = List.of("a", "b", "c", "d", "e", "f", "g");
    List<HarnessSnapshot> parts = new ArrayList<>();
    for (int subtask = 0; subtask < 2; subtask++) {
      try (OneInputOperatorHarness<Clicks, String> h =
          aggregating().parallelism(2).subtask(subtask).build()) {
        for (String user : users) {
          if (h.ownsKey(user)) {
            h.processElement(new Clicks(user, 1), 3);
            h.processElement(new Clicks(user, 2), 13);
          }
        }
        h.processWatermark(5);
        parts.add(h.snapshot());
        assertThat(h.extractOutputValues()).isEmpty();
      }
    }
    HarnessSnapshot snapshot = HarnessSnapshot.combine(parts);

    List<String> fired = new ArrayList<>();
    for (int subtask = 0; subtask < 3; subtask++) {
      try (OneInputOperatorHarness<Clicks, String> h =
          aggregating().parallelism(3).subtask(subtask).restoreFrom(snapshot).build()) {
        for (String user : users) {
          if (h.ownsKey(user)) {
            h.processElement(new Clicks(user, 10), 4);
          }
        }
        h.processWatermark(9); // the restored timers of [0,10) fire
        h.getOutput().stream()
            .filter(HarnessOutput.Record.class::isInstance)
            .forEach(r -> assertThat(r).hasToString(r.toString().split("@")[0] + "@9"));
        h.processWatermark(19);
        fired.addAll(h.extractOutputValues());
      }
    }
    List<String> expected = new ArrayList<>();
    for (String user : users) {
      expected.add(user + "=2/11");
      expected.add(user + "=1/2");
    }
    assertThat(fired).containsExactlyInAnyOrderElementsOf(expected);
  }
}
