package io.eddy.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.api.datastream.SingleOutputStreamOperator;
import io.eddy.api.functions.windowing.ProcessWindowFunction;
import io.eddy.api.java.tuple.Tuple2;
import io.eddy.api.windowing.assigners.EventTimeSessionWindows;
import io.eddy.api.windowing.assigners.TumblingEventTimeWindows;
import io.eddy.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.eddy.api.windowing.evictors.CountEvictor;
import io.eddy.api.windowing.windows.TimeWindow;
import io.eddy.core.dag.OneInputTransformation;
import io.eddy.core.dag.StreamAccess;
import io.eddy.core.dag.ops.WindowSpec;
import io.eddy.runtime.operators.windowing.WindowOperator;
import io.eddy.runtime.task.OperatorFactory;
import io.eddy.testutils.harness.HarnessSnapshot;
import io.eddy.testutils.harness.OneInputOperatorHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Window contents, merged session windows, window timers and the running reduce/sum state through a
 * checkpoint: a run that is snapshotted at parallelism 2 and restored at 3 or 1 must produce what
 * the uninterrupted run produces. Elements {@code "a7"} have key "a".
 */
class WindowAndAggregationCheckpointTest {
  private static final StreamExecutionEnvironment ENV =
      StreamExecutionEnvironment.getExecutionEnvironment();
  private static final KeySelector<String, String> FIRST_LETTER = v -> v.substring(0, 1);
  private static final String LETTERS = "abcdefghij";

  /** A fresh operator of the same job-graph spec, with its key selector. */
  private record Op<IN, OUT>(
      Supplier<OneInputStreamOperator<IN, OUT>> create, KeySelector<IN, String> keys) {
    OneInputOperatorHarness.Builder<IN, OUT> harness(int subtask, int parallelism) {
      return OneInputOperatorHarness.builder(create.get())
          .keyedBy(keys, Types.STRING)
          .subtask(subtask)
          .parallelism(parallelism);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <IN, OUT> Op<IN, OUT> op(SingleOutputStreamOperator<OUT> stream) {
    OneInputTransformation t = (OneInputTransformation) StreamAccess.transformationOf(stream);
    Supplier<OneInputStreamOperator<IN, OUT>> create =
        t.getOperator() instanceof WindowSpec spec
            ? () -> (OneInputStreamOperator) WindowOperator.create(spec)
            : () -> (OneInputStreamOperator) OperatorFactory.create(t.getOperator(), null, 0);
    return new Op<>(create, (KeySelector<IN, String>) t.getStateKeySelector());
  }

  /** One step of a run, sent to the subtask owning the element's key (watermarks to all). */
  private interface Step<IN> {
    void apply(List<OneInputOperatorHarness<IN, ?>> subtasks) throws Exception;
  }

  private static <IN> Step<IN> element(IN value, long timestamp, KeySelector<IN, String> keys) {
    return subtasks -> {
      for (OneInputOperatorHarness<IN, ?> h : subtasks) {
        if (h.ownsKey(keys.getKey(value))) {
          h.processElement(value, timestamp);
        }
      }
    };
  }

  private static <IN> Step<IN> watermark(long timestamp) {
    return subtasks -> {
      for (OneInputOperatorHarness<IN, ?> h : subtasks) {
        h.processWatermark(timestamp);
      }
    };
  }

  private static <IN> Step<IN> advance(long millis) {
    return subtasks -> {
      for (OneInputOperatorHarness<IN, ?> h : subtasks) {
        h.advanceProcessingTime(Duration.ofMillis(millis));
      }
    };
  }

  private static <IN, OUT> List<OneInputOperatorHarness<IN, ?>> start(
      Op<IN, OUT> op, int parallelism, HarnessSnapshot restoreFrom) throws Exception {
    List<OneInputOperatorHarness<IN, ?>> subtasks = new ArrayList<>();
    for (int s = 0; s < parallelism; s++) {
      OneInputOperatorHarness.Builder<IN, OUT> h = op.harness(s, parallelism);
      if (restoreFrom != null) {
        h.restoreFrom(restoreFrom);
      }
      subtasks.add(h.build());
    }
    return subtasks;
  }

  private static <IN> List<String> run(
      List<OneInputOperatorHarness<IN, ?>> subtasks, List<Step<IN>> steps) throws Exception {
    List<String> output = new ArrayList<>();
    for (Step<IN> step : steps) {
      step.apply(subtasks);
      for (OneInputOperatorHarness<IN, ?> h : subtasks) {
        output.addAll(h.takeRecords());
      }
    }
    return output;
  }

  /**
   * Runs {@code before} at parallelism 2, snapshots, and runs {@code after} on restored operators
   * at 2, 3 and 1: their output must equal the output of {@code after} in the uninterrupted run
   * (sorted, as subtasks interleave differently). Returns that output.
   */
  private <IN, OUT> List<String> assertRestoreContinuesTheRun(
      Op<IN, OUT> op, List<Step<IN>> before, List<Step<IN>> after) throws Exception {
    List<OneInputOperatorHarness<IN, ?>> original = start(op, 2, null);
    run(original, before);
    List<HarnessSnapshot> snapshots = new ArrayList<>();
    for (OneInputOperatorHarness<IN, ?> h : original) {
      snapshots.add(h.snapshot());
    }
    HarnessSnapshot snapshot = HarnessSnapshot.combine(snapshots);
    List<String> expected = run(original, after);
    expected.sort(null);
    for (int parallelism : new int[] {2, 3, 1}) {
      List<String> actual = run(start(op, parallelism, snapshot), after);
      actual.sort(null);
      assertThat(actual).as("restored at parallelism %d", parallelism).isEqualTo(expected);
    }
    return expected;
  }

  private static String describe(String key, TimeWindow w, Iterable<String> elements) {
    List<String> sorted = new ArrayList<>();
    elements.forEach(sorted::add);
    sorted.sort(null);
    return key + "[" + w.getStart() + "," + w.getEnd() + "):" + String.join(",", sorted);
  }

  @Test
  void tumblingWindowContentsAndTimersSurviveTheRestore() throws Exception {
    Op<String, String> op =
        op(
            ENV.fromElements("x")
                .keyBy(FIRST_LETTER)
                .window(TumblingEventTimeWindows.<String>of(Duration.ofMillis(10)))
                .process(
                    new ProcessWindowFunction<String, String, String, TimeWindow>() {
                      @Override
                      public void process(
                          String key,
                          Context ctx,
                          Iterable<String> elements,
                          Collector<String> out) {
                        out.collect(describe(key, ctx.window(), elements));
                      }
                    }));
    List<Step<String>> before = new ArrayList<>();
    for (char c : LETTERS.toCharArray()) {
      before.add(element(c + "1", 1, op.keys()));
      before.add(element(c + "12", 12, op.keys()));
    }
    before.add(watermark(9)); // fires [0,10) before the checkpoint
    List<Step<String>> after =
        List.of(element("a15", 15, op.keys()), element("b25", 25, op.keys()), watermark(30));
    List<String> output = assertRestoreContinuesTheRun(op, before, after);
    assertThat(output).contains("a[10,20):a12,a15@19", "b[20,30):b25@29", "j[10,20):j12@19");
    assertThat(output).hasSize(LETTERS.length() + 1);
  }

  @Test
  void windowsWhoseTriggerDeletedTheCleanupTimerStillFireAfterTheRestore() throws Exception {
    Op<String, String> op =
        op(
            ENV.fromElements("x")
                .keyBy(FIRST_LETTER)
                .window(TumblingEventTimeWindows.<String>of(Duration.ofMillis(10)))
                .trigger(new WindowOperatorTest.DeletesTheEndTimerEarly())
                .reduce((a, b) -> a + "+" + b));
    List<Step<String>> before = new ArrayList<>();
    for (char c : LETTERS.toCharArray()) {
      before.add(element(c + "1", 1, op.keys()));
    }
    before.add(watermark(3)); // the trigger deletes every window's end (= cleanup) timer
    // the next element of a window registers its cleanup timer again, also after the restore
    List<Step<String>> after =
        List.of(element("a4", 4, op.keys()), element("b5", 5, op.keys()), watermark(30));
    List<String> output = assertRestoreContinuesTheRun(op, before, after);
    assertThat(output).containsExactlyInAnyOrder("a1+a4@9", "b1+b5@9");
  }

  @Test
  void mergedSessionWindowsAndTheirStateSurviveTheRestore() throws Exception {
    Op<String, String> op =
        op(
            ENV.fromElements("x")
                .keyBy(FIRST_LETTER)
                .window(EventTimeSessionWindows.<String>withGap(Duration.ofMillis(3)))
                .reduce((a, b) -> a + "+" + b));
    List<Step<String>> before = new ArrayList<>();
    for (char c : LETTERS.toCharArray()) {
      before.add(element(c + "1", 1, op.keys()));
      before.add(element(c + "3", 3, op.keys())); // merges into [1,6)
      before.add(element(c + "20", 20, op.keys()));
    }
    // "5" bridges into the restored session [1,6): it only merges if the merging set was restored
    List<Step<String>> after =
        List.of(element("a5", 5, op.keys()), element("c21", 21, op.keys()), watermark(100));
    List<String> output = assertRestoreContinuesTheRun(op, before, after);
    assertThat(output).contains("a1+a3+a5@7", "b1+b3@5", "c20+c21@23", "b20@22");
    assertThat(output).hasSize(2 * LETTERS.length());
  }

  @Test
  void evictingWindowContentsSurviveTheRestore() throws Exception {
    Op<String, String> op =
        op(
            ENV.fromElements("x")
                .keyBy(FIRST_LETTER)
                .window(TumblingEventTimeWindows.<String>of(Duration.ofMillis(10)))
                .evictor(CountEvictor.of(2))
                .reduce((a, b) -> a + "+" + b));
    List<Step<String>> before = new ArrayList<>();
    for (char c : LETTERS.toCharArray()) {
      before.add(element(c + "1", 1, op.keys()));
      before.add(element(c + "2", 2, op.keys()));
      before.add(element(c + "3", 3, op.keys()));
    }
    List<String> output = assertRestoreContinuesTheRun(op, before, List.of(watermark(10)));
    assertThat(output).contains("a2+a3@9").hasSize(LETTERS.length());
  }

  @Test
  void processingTimeWindowsFireAfterTheRestore() throws Exception {
    Op<String, String> op =
        op(
            ENV.fromElements("x")
                .keyBy(FIRST_LETTER)
                .window(TumblingProcessingTimeWindows.<String>of(Duration.ofMillis(100)))
                .reduce((a, b) -> a + "+" + b));
    List<Step<String>> before = new ArrayList<>();
    for (char c : LETTERS.toCharArray()) {
      before.add(element(c + "1", 1, op.keys()));
      before.add(element(c + "2", 2, op.keys()));
    }
    List<String> output = assertRestoreContinuesTheRun(op, before, List.of(advance(100)));
    assertThat(output).contains("a1+a2@99").hasSize(LETTERS.length());
  }

  @Test
  void runningReduceStateSurvivesTheRestore() throws Exception {
    Op<String, String> op = op(ENV.fromElements("x").keyBy(FIRST_LETTER).reduce((a, b) -> a + b));
    List<Step<String>> before = new ArrayList<>();
    for (char c : LETTERS.toCharArray()) {
      before.add(element(c + "1", 1, op.keys()));
      before.add(element(c + "2", 2, op.keys()));
    }
    List<String> output =
        assertRestoreContinuesTheRun(op, before, List.of(element("c3", 3, op.keys())));
    assertThat(output).containsExactly("c1c2c3@3");
  }

  @Test
  void runningSumStateSurvivesTheRestore() throws Exception {
    KeySelector<Tuple2<String, Long>, String> byName = t -> t.f0;
    Op<Tuple2<String, Long>, Tuple2<String, Long>> sum =
        op(ENV.fromElements(Tuple2.of("x", 1L)).keyBy(byName).sum(1));
    Op<Tuple2<String, Long>, Tuple2<String, Long>> max =
        op(ENV.fromElements(Tuple2.of("x", 1L)).keyBy(byName).maxBy(1));
    List<Step<Tuple2<String, Long>>> before = new ArrayList<>();
    for (char c : LETTERS.toCharArray()) {
      before.add(element(Tuple2.of("" + c, 5L), 1, byName));
      before.add(element(Tuple2.of("" + c, 7L), 2, byName));
    }
    List<Step<Tuple2<String, Long>>> after =
        List.of(element(Tuple2.of("d", 1L), 3, byName), element(Tuple2.of("d", 10L), 4, byName));
    assertThat(assertRestoreContinuesTheRun(sum, before, after))
        .containsExactly("(d,13)@3", "(d,23)@4");
    assertThat(assertRestoreContinuesTheRun(max, before, after))
        .containsExactly("(d,10)@4", "(d,7)@3");
  }
}
