package io.eddy.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.common.functions.AggregateFunction;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.functions.OpenContext;
import io.eddy.api.common.functions.ReduceFunction;
import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.state.ValueStateDescriptor;
import io.eddy.api.datastream.KeyedStream;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.datastream.SingleOutputStreamOperator;
import io.eddy.api.functions.windowing.ProcessAllWindowFunction;
import io.eddy.api.functions.windowing.ProcessWindowFunction;
import io.eddy.api.functions.windowing.WindowFunction;
import io.eddy.api.windowing.assigners.EventTimeSessionWindows;
import io.eddy.api.windowing.assigners.GlobalWindows;
import io.eddy.api.windowing.assigners.ProcessingTimeSessionWindows;
import io.eddy.api.windowing.assigners.SlidingEventTimeWindows;
import io.eddy.api.windowing.assigners.TumblingEventTimeWindows;
import io.eddy.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.eddy.api.windowing.evictors.CountEvictor;
import io.eddy.api.windowing.evictors.TimeEvictor;
import io.eddy.api.windowing.triggers.ContinuousEventTimeTrigger;
import io.eddy.api.windowing.triggers.ContinuousProcessingTimeTrigger;
import io.eddy.api.windowing.triggers.CountTrigger;
import io.eddy.api.windowing.triggers.PurgingTrigger;
import io.eddy.api.windowing.triggers.Trigger;
import io.eddy.api.windowing.triggers.TriggerResult;
import io.eddy.api.windowing.windows.GlobalWindow;
import io.eddy.api.windowing.windows.TimeWindow;
import io.eddy.api.windowing.windows.Window;
import io.eddy.core.dag.OneInputTransformation;
import io.eddy.core.dag.StreamAccess;
import io.eddy.core.dag.ops.WindowSpec;
import io.eddy.runtime.operators.windowing.WindowOperator;
import io.eddy.testutils.harness.OneInputOperatorHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The window operator on the test thread: elements "a7" have key "a"; the window function prints
 * {@code key[start,end):sorted elements}; output is {@code value@timestamp}, late side output
 * {@code late:value@timestamp}, watermarks {@code W(t)}.
 */
class WindowOperatorTest {
  private static final KeySelector<String, String> FIRST_LETTER = v -> v.substring(0, 1);
  private static final OutputTag<String> LATE = new OutputTag<>("late") {};
  private static final StreamExecutionEnvironment ENV =
      StreamExecutionEnvironment.getExecutionEnvironment();

  /** key[start,end):e1,e2 (elements sorted). */
  static final class Describe<W extends Window>
      extends ProcessWindowFunction<String, String, String, W> {
    @Override
    public void process(String key, Context ctx, Iterable<String> elements, Collector<String> out) {
      List<String> sorted = new ArrayList<>();
      elements.forEach(sorted::add);
      sorted.sort(null);
      out.collect(key + describe(ctx.window()) + ":" + String.join(",", sorted));
    }
  }

  /** Counts firings per window (window state) and per key (global state). */
  static final class CountFirings
      extends ProcessWindowFunction<String, String, String, TimeWindow> {
    private static final ValueStateDescriptor<Integer> COUNT =
        new ValueStateDescriptor<>("firings", Integer.class);

    @Override
    public void process(String key, Context ctx, Iterable<String> elements, Collector<String> out)
        throws Exception {
      ValueState<Integer> perWindow = ctx.windowState().getState(COUNT);
      int w = perWindow.value() == null ? 1 : perWindow.value() + 1;
      perWindow.update(w);
      ValueState<Integer> global =
          ctx.globalState().getState(new ValueStateDescriptor<>("all", Integer.class));
      int g = global.value() == null ? 1 : global.value() + 1;
      global.update(g);
      out.collect(key + describe(ctx.window()) + " w=" + w + " g=" + g);
    }
  }

  static final class Concat implements ReduceFunction<String> {
    @Override
    public String reduce(String a, String b) {
      return a + "+" + b;
    }
  }

  /** Average of the numbers after the key letter. */
  static final class Average implements AggregateFunction<String, long[], Double> {
    @Override
    public long[] createAccumulator() {
      return new long[2];
    }

    @Override
    public long[] add(String value, long[] acc) {
      acc[0] += Long.parseLong(value.substring(1));
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

  /** Emits "key window value" for the pre-aggregated value. */
  static final class WithWindow<V> extends ProcessWindowFunction<V, String, String, TimeWindow> {
    @Override
    public void process(String key, Context ctx, Iterable<V> elements, Collector<String> out) {
      for (V v : elements) {
        out.collect(key + describe(ctx.window()) + "=" + v);
      }
    }
  }

  record Reading(String id, int value) {}

  /** key[start,end):sorted elements, with the key and window from a plain WindowFunction. */
  static final class ApplyDescribe implements WindowFunction<String, String, String, TimeWindow> {
    @Override
    public void apply(
        String key, TimeWindow window, Iterable<String> input, Collector<String> out) {
      List<String> sorted = new ArrayList<>();
      input.forEach(sorted::add);
      sorted.sort(null);
      out.collect(key + describe(window) + ":" + String.join(",", sorted));
    }
  }

  /** Counts elements; records that open() ran (prefix) and that close() runs. */
  static final class AllCount extends ProcessAllWindowFunction<String, String, TimeWindow> {
    static volatile boolean closed;
    private String prefix = "not opened";

    @Override
    public void open(OpenContext context) {
      prefix = getRuntimeContext().getTaskName();
    }

    @Override
    public void close() {
      closed = true;
    }

    @Override
    public void process(Context ctx, Iterable<String> elements, Collector<String> out) {
      int n = 0;
      for (String ignored : elements) {
        n++;
      }
      out.collect(prefix + describe(ctx.window()) + "=" + n);
      ctx.output(LATE, "side" + n);
    }
  }

  /**
   * Fires at the window's end. Elements before {@code start + 2} register a timer there that
   * deletes the end timer, which is also the window's cleanup timer: the window then fires only if
   * a later element registers it again.
   */
  static final class DeletesTheEndTimerEarly extends Trigger<Object, TimeWindow> {
    @Override
    public TriggerResult onElement(Object e, long timestamp, TimeWindow w, TriggerContext ctx) {
      ctx.registerEventTimeTimer(w.maxTimestamp());
      if (timestamp < w.getStart() + 2) {
        ctx.registerEventTimeTimer(w.getStart() + 2);
      }
      return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, TimeWindow w, TriggerContext ctx) {
      if (time == w.maxTimestamp()) {
        return TriggerResult.FIRE;
      }
      ctx.deleteEventTimeTimer(w.maxTimestamp());
      return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, TimeWindow w, TriggerContext ctx) {
      return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(TimeWindow w, TriggerContext ctx) {
      ctx.deleteEventTimeTimer(w.maxTimestamp());
      ctx.deleteEventTimeTimer(w.getStart() + 2);
    }
  }

  /** Deletes the end timer it registered for the element "a2!" right away. */
  static final class DeletesTheEndTimerOnBang extends Trigger<String, TimeWindow> {
    @Override
    public TriggerResult onElement(String e, long timestamp, TimeWindow w, TriggerContext ctx) {
      ctx.registerEventTimeTimer(w.maxTimestamp());
      if (e.endsWith("!")) {
        ctx.deleteEventTimeTimer(w.maxTimestamp());
      }
      return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, TimeWindow w, TriggerContext ctx) {
      return time == w.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, TimeWindow w, TriggerContext ctx) {
      return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(TimeWindow w, TriggerContext ctx) {
      ctx.deleteEventTimeTimer(w.maxTimestamp());
    }
  }

  static String describe(Window w) {
    return w instanceof TimeWindow t ? "[" + t.getStart() + "," + t.getEnd() + ")" : "G";
  }

  private static KeyedStream<String, String> keyed() {
    return ENV.fromElements("x").keyBy(FIRST_LETTER);
  }

  private static <R> OneInputOperatorHarness<String, R> harness(SingleOutputStreamOperator<R> op)
      throws Exception {
    return harnessOf(op);
  }

  /** The window operator the API built for {@code op}, keyed by the stream's key selector. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <I, R> OneInputOperatorHarness<I, R> harnessOf(SingleOutputStreamOperator<R> op)
      throws Exception {
    OneInputTransformation t = (OneInputTransformation) StreamAccess.transformationOf(op);
    return TestHarnesses.oneInput(
        (OneInputStreamOperator<I, R>) WindowOperator.create((WindowSpec) t.getOperator()),
        t.getStateKeySelector());
  }

  @Test
  void tumblingEventTimeWindowsFireAtTheWatermarkAndSendLateElementsToTheSideOutput()
      throws Exception {
    OneInputOperatorHarness<String, String> h =
        harness(
            keyed()
                .window(TumblingEventTimeWindows.<String>of(Duration.ofMillis(10)))
                .sideOutputLateData(LATE)
                .process(new Describe<>()));
    h.processElement("a5", 5);
    h.processElement("b3", 3);
    h.processElement("a12", 12); // out of order from here on
    h.processElement("a1", 1);
    h.processWatermark(8);
    assertThat(h.takeOutput()).containsExactly("W(8)");
    h.processWatermark(9);
    assertThat(h.takeOutput()).containsExactlyInAnyOrder("a[0,10):a1,a5@9", "b[0,10):b3@9", "W(9)");
    h.processElement("a4", 4); // its window is gone
    h.processElement("a19", 19);
    assertThat(h.takeOutput()).containsExactly("late:a4@4");
    h.processWatermark(Long.MAX_VALUE);
    assertThat(h.takeOutput()).containsExactly("a[10,20):a12,a19@19", "W(" + Long.MAX_VALUE + ")");
  }

  @Test
  void aCleanupTimerTheTriggerDeletedIsRegisteredAgainByTheNextElement() throws Exception {
    OneInputOperatorHarness<String, String> h =
        harness(
            keyed()
                .window(TumblingEventTimeWindows.<String>of(Duration.ofMillis(10)))
                .trigger(new DeletesTheEndTimerEarly())
                .process(new Describe<>()));
    h.processElement("a1", 1);
    h.processElement("b1", 1);
    h.processWatermark(3); // deletes the end timers of a and b
    h.processElement("a4", 4); // registers a's again: its window had contents before
    h.processElement("a5", 5);
    h.processWatermark(9);
    assertThat(h.takeOutput()).containsExactly("W(3)", "a[0,10):a1,a4,a5@9", "W(9)");
    h.processElement("b10", 10);
    h.processElement("b11", 11);
    h.processWatermark(19);
    assertThat(h.takeOutput()).containsExactly("W(19)"); // [10,20) deleted its end timer at 12
  }

  @Test
  void aCleanupTimerTheTriggerDeletesOnAnElementIsRegisteredAfterIt() throws Exception {
    OneInputOperatorHarness<String, String> h =
        harness(
            keyed()
                .window(TumblingEventTimeWindows.<String>of(Duration.ofMillis(10)))
                .trigger(new DeletesTheEndTimerOnBang())
                .process(new Describe<>()));
    h.processElement("a1", 1);
    h.processElement("a2!", 2);
    h.processElement("a3", 3);
    h.processElement("b3!", 3);
    h.processWatermark(9);
    assertThat(h.takeOutput())
        .containsExactlyInAnyOrder("a[0,10):a1,a2!,a3@9", "b[0,10):b3!@9", "W(9)");
  }

  @Test
  void lateElementsAreDroppedWithoutASideOutput() throws Exception {
    OneInputOperatorHarness<String, String> h =
        harness(
            keyed()
                .window(TumblingEventTimeWindows.<String>of(Duration.ofMillis(10)))
                .process(new Describe<>()));
    h.processWatermark(20);
    h.processElement("a4", 4);
    h.processWatermark(30);
    assertThat(h.takeOutput()).containsExactly("W(20)", "W(30)");
  }

  @Test
  void allowedLatenessFiresAgainForLateElementsUntilTheCleanupTime() throws Exception {
    OneInputOperatorHarness<String, String> h =
        harness(
            keyed()
                .window(TumblingEventTimeWindows.<String>of(Duration.ofMillis(10)))
                .allowedLateness(Duration.ofMillis(5))
                .sideOutputLateData(LATE)
                .process(new CountFirings()));
    h.processElement("a1", 1);
    h.processWatermark(9);
    assertThat(h.takeOutput()).containsExactly("a[0,10) w=1 g=1@9", "W(9)");
    h.processElement("a3", 3); // late but allowed: fires at once
    assertThat(h.takeOutput()).containsExactly("a[0,10) w=2 g=2@9");
    h.processWatermark(14); // cleanup time 9 + 5: window state cleared
    h.processElement("a2", 2);
    assertThat(h.takeOutput()).containsExactly("W(14)", "late:a2@2");
    h.processElement("a10", 10); // [10,20) starts with a fresh window state
    h.processWatermark(19);
    assertThat(h.takeOutput()).containsExactly("a[10,20) w=1 g=3@19", "W(19)");
  }

  @Test
  void slidingWindowsPutAnElementInEveryOverlappingWindow() throws Exception {
    OneInputOperatorHarness<String, String> h =
        harness(
            keyed()
                .window(
                    SlidingEventTimeWindows.<String>of(Duration.ofMillis(10), Duration.ofMillis(5)))
                .process(new Describe<>()));
    h.processElement("a7", 7);
    h.processElement("a3", 3);
    h.processElement("a12", 12);
    h.processWatermark(100);
    assertThat(h.takeOutput())
        .containsExactly(
            "a[-5,5):a3@4", "a[0,10):a3,a7@9", "a[5,15):a12,a7@14", "a[10,20):a12@19", "W(100)");
  }

  private static OneInputOperatorHarness<String, String> sessions() throws Exception {
    return harness(
        keyed()
            .window(EventTimeSessionWindows.<String>withGap(Duration.ofMillis(5)))
            .process(new Describe<>()));
  }

  @Test
  void sessionWindowsMergeWhenABridgingElementArrivesLast() throws Exception {
    OneInputOperatorHarness<String, String> h = sessions();
    h.processElement("a1", 1); // [1,6)
    h.processElement("a10", 10); // [10,15)
    h.processElement("b2", 2);
    h.processElement("a5", 5); // [5,10) bridges both: [1,15)
    h.processWatermark(9);
    assertThat(h.takeOutput()).containsExactly("b[2,7):b2@6", "W(9)"); // a's timer at 5 is gone
    h.processWatermark(14);
    assertThat(h.takeOutput()).containsExactly("a[1,15):a1,a10,a5@14", "W(14)");
  }

  @Test
  void sessionWindowsMergeWhenTheElementsArriveInOrder() throws Exception {
    OneInputOperatorHarness<String, String> h = sessions();
    h.processElement("a10", 10);
    h.processElement("a5", 5);
    h.processElement("a1", 1);
    h.processElement("a20", 20); // a separate session
    h.processWatermark(100);
    assertThat(h.takeOutput()).containsExactly("a[1,15):a1,a10,a5@14", "a[20,25):a20@24", "W(100)");
  }

  @Test
  void sessionWindowsWithACountTriggerMergeTheTriggerState() throws Exception {
    OneInputOperatorHarness<String, String> h =
        harness(
            keyed()
                .window(EventTimeSessionWindows.<String>withGap(Duration.ofMillis(5)))
                .trigger(CountTrigger.of(3))
                .process(new Describe<>()));
    h.processElement("a1", 1);
    h.processElement("a20", 20);
    assertThat(h.takeOutput()).isEmpty();
    h.processElement("a10", 10); // merges nothing: count 1 in [10,15)
    h.processElement("a15", 15); // [15,20) touches [10,15) and [20,25): counts 1+1+1 = 3
    assertThat(h.takeOutput()).containsExactly("a[10,25):a10,a15,a20@24");
  }

  @Test
  void sessionWindowsWithAllowedLatenessMergeLateElementsIntoFiredSessions() throws Exception {
    OneInputOperatorHarness<String, String> h =
        harness(
            keyed()
                .window(EventTimeSessionWindows.<String>withGap(Duration.ofMillis(5)))
                .allowedLateness(Duration.ofMillis(10))
                .process(new Describe<>()));
    h.processElement("a1", 1);
    h.processWatermark(6);
    assertThat(h.takeOutput()).containsExactly("a[1,6):a1@5", "W(6)");
    h.processElement("a4", 4); // merges into [1,9): its old timer is replaced by one at 8
    h.processWatermark(7);
    assertThat(h.takeOutput()).containsExactly("W(7)");
    h.processWatermark(8);
    assertThat(h.takeOutput()).containsExactly("a[1,9):a1,a4@8", "W(8)");
    h.processElement("a2", 2); // late but allowed, in an ended session: fires at once
    assertThat(h.takeOutput()).containsExactly("a[1,9):a1,a2,a4@8");
    h.processWatermark(30); // cleanup at 8 + 10
    h.processElement("a3", 3);
    h.processWatermark(40);
    assertThat(h.takeOutput()).containsExactly("W(30)", "W(40)");
  }

  @Test
  void processingTimeSessionsMergeOnTheManualClock() throws Exception {
    OneInputOperatorHarness<String, String> h =
        harness(
            keyed()
                .window(ProcessingTimeSessionWindows.<String>withGap(Duration.ofMillis(10)))
                .process(new Describe<>()));
    h.processElement("a1", 0);
    h.advanceProcessingTime(Duration.ofMillis(5));
    h.processElement("a2", 0); // [5,15) merges with [0,10)
    h.advanceProcessingTime(Duration.ofMillis(8));
    assertThat(h.takeOutput()).isEmpty();
    h.advanceProcessingTime(Duration.ofMillis(1));
    assertThat(h.takeOutput()).containsExactly("a[0,15):a1,a2@14");
  }

  @Test
  void countTriggerOnGlobalWindowsFiresEveryNElements() throws Exception {
    OneInputOperatorHarness<String, String> h =
        harness(
            keyed()
                .window(GlobalWindows.<String>create())
                .trigger(CountTrigger.<GlobalWindow>of(2))
                .process(new Describe<>()));
    for (int i = 1; i <= 5; i++) {
      h.processElement("a" + i, i);
    }
    h.processWatermark(Long.MAX_VALUE); // the global window never ends
    assertThat(h.takeOutput())
        .containsExactly(
            "aG:a1,a2@" + Long.MAX_VALUE,
            "aG:a1,a2,a3,a4@" + Long.MAX_VALUE,
            "W(" + Long.MAX_VALUE + ")");
  }

  @Test
  void purgingTriggerClearsTheWindowAfterEachFiring() throws Exception {
    OneInputOperatorHarness<String, String> h =
        harness(
            keyed()
                .window(GlobalWindows.<String>create())
                .trigger(PurgingTrigger.of(CountTrigger.<GlobalWindow>of(2)))
                .process(new Describe<>()));
    for (int i = 1; i <= 5; i++) {
      h.processElement("a" + i, i);
    }
    assertThat(h.takeOutput())
        .containsExactly("aG:a1,a2@" + Long.MAX_VALUE, "aG:a3,a4@" + Long.MAX_VALUE);
  }

  @Test
  void globalWindowsWithoutATriggerNeverFire() throws Exception {
    OneInputOperatorHarness<String, String> h =
        harness(keyed().window(GlobalWindows.<String>create()).process(new Describe<>()));
    h.processElement("a1", 1);
    h.processWatermark(Long.MAX_VALUE);
    assertThat(h.takeOutput()).containsExactly("W(" + Long.MAX_VALUE + ")");
  }

  @Test
  void continuousEventTimeTriggerFiresEveryIntervalAndAtTheEnd() throws Exception {
    OneInputOperatorHarness<String, String> h =
        harness(
            keyed()
                .window(TumblingEventTimeWindows.<String>of(Duration.ofMillis(100)))
                .trigger(ContinuousEventTimeTrigger.<TimeWindow>of(Duration.ofMillis(10)))
                .process(new Describe<>()));
    h.processElement("a3", 3);
    h.processWatermark(9);
    assertThat(h.takeOutput()).containsExactly("W(9)");
    h.processWatermark(10);
    assertThat(h.takeOutput()).containsExactly("a[0,100):a3@99", "W(10)");
    h.processElement("a15", 15);
    h.processWatermark(25);
    assertThat(h.takeOutput()).containsExactly("a[0,100):a15,a3@99", "W(25)");
    h.processWatermark(200);
    assertThat(h.takeOutput())
        .containsExactly(
            "a[0,100):a15,a3@99", // the timer at 30
            "a[0,100):a15,a3@99", // ... 40, 50, ... until the end
            "a[0,100):a15,a3@99",
            "a[0,100):a15,a3@99",
            "a[0,100):a15,a3@99",
            "a[0,100):a15,a3@99",
            "a[0,100):a15,a3@99",
            "a[0,100):a15,a3@99",
            "W(200)");
  }

  @Test
  void processingTimeTumblingWindowsFireOnTheManualClock() throws Exception {
    OneInputOperatorHarness<String, String> h =
        harness(
            keyed()
                .window(TumblingProcessingTimeWindows.<String>of(Duration.ofMillis(10)))
                .process(new Describe<>()));
    h.processElement("a1", 100); // event timestamps do not matter
    h.advanceProcessingTime(Duration.ofMillis(3));
    h.processElement("b1", 100);
    h.processElement("a2", 100);
    h.advanceProcessingTime(Duration.ofMillis(5));
    assertThat(h.takeOutput()).isEmpty();
    h.advanceProcessingTime(Duration.ofMillis(1)); // now 9: [0,10) fires at its max timestamp
    assertThat(h.takeOutput()).containsExactlyInAnyOrder("a[0,10):a1,a2@9", "b[0,10):b1@9");
    h.advanceProcessingTime(Duration.ofMillis(1)); // now 10
    h.processElement("a3", 100);
    h.advanceProcessingTime(Duration.ofMillis(9));
    assertThat(h.takeOutput()).containsExactly("a[10,20):a3@19");
  }

  @Test
  void continuousProcessingTimeTriggerFiresEveryInterval() throws Exception {
    OneInputOperatorHarness<String, String> h =
        harness(
            keyed()
                .window(TumblingProcessingTimeWindows.<String>of(Duration.ofMillis(100)))
                .trigger(ContinuousProcessingTimeTrigger.<TimeWindow>of(Duration.ofMillis(30)))
                .process(new Describe<>()));
    h.processElement("a1", 0);
    h.advanceProcessingTime(Duration.ofMillis(30));
    assertThat(h.takeOutput()).containsExactly("a[0,100):a1@99");
    h.processElement("a2", 0);
    h.advanceProcessingTime(Duration.ofMillis(70)); // fires at 60, 90 and 99
    assertThat(h.takeOutput())
        .containsExactly("a[0,100):a1,a2@99", "a[0,100):a1,a2@99", "a[0,100):a1,a2@99");
  }

  @Test
  void reduceAndAggregateKeepOneValuePerWindow() throws Exception {
    OneInputOperatorHarness<String, String> reduce =
        harness(
            keyed()
                .window(TumblingEventTimeWindows.<String>of(Duration.ofMillis(10)))
                .reduce(new Concat()));
    reduce.processElement("a1", 1);
    reduce.processElement("a2", 2);
    reduce.processElement("b3", 3);
    reduce.processWatermark(100);
    assertThat(reduce.takeOutput()).containsExactlyInAnyOrder("a1+a2@9", "b3@9", "W(100)");

    OneInputOperatorHarness<String, String> reduceWithWindow =
        harness(
            keyed()
                .window(TumblingEventTimeWindows.<String>of(Duration.ofMillis(10)))
                .reduce(new Concat(), new WithWindow<>()));
    reduceWithWindow.processElement("a1", 1);
    reduceWithWindow.processElement("a2", 2);
    reduceWithWindow.processWatermark(100);
    assertThat(reduceWithWindow.takeOutput()).containsExactly("a[0,10)=a1+a2@9", "W(100)");

    OneInputOperatorHarness<String, Double> aggregate =
        harness(
            keyed()
                .window(TumblingEventTimeWindows.<String>of(Duration.ofMillis(10)))
                .aggregate(new Average()));
    aggregate.processElement("a1", 1);
    aggregate.processElement("a4", 4);
    aggregate.processWatermark(100);
    assertThat(aggregate.takeOutput()).containsExactly("2.5@9", "W(100)");

    OneInputOperatorHarness<String, String> sessionAggregate =
        harness(
            keyed()
                .window(EventTimeSessionWindows.<String>withGap(Duration.ofMillis(5)))
                .aggregate(new Average(), new WithWindow<>()));
    sessionAggregate.processElement("a1", 1);
    sessionAggregate.processElement("a9", 9);
    sessionAggregate.processElement("a5", 5); // merges the accumulators of [1,6) and [9,14)
    sessionAggregate.processWatermark(100);
    assertThat(sessionAggregate.takeOutput()).containsExactly("a[1,14)=5.0@13", "W(100)");
  }

  @Test
  void applyWithAWindowFunctionSeesKeyAndWindow() throws Exception {
    OneInputOperatorHarness<String, String> h =
        harness(
            keyed()
                .window(TumblingEventTimeWindows.<String>of(Duration.ofMillis(10)))
                .apply(new ApplyDescribe()));
    h.processElement("a2", 2);
    h.processElement("a1", 1);
    h.processWatermark(9);
    assertThat(h.takeOutput()).containsExactly("a[0,10):a1,a2@9", "W(9)");
  }

  @Test
  void windowAllPutsEveryKeyInOneWindowAndRunsTheRichLifecycle() throws Exception {
    AllCount.closed = false;
    SingleOutputStreamOperator<String> op =
        ENV.fromElements("x")
            .windowAll(TumblingEventTimeWindows.<String>of(Duration.ofMillis(10)))
            .process(new AllCount());
    assertThat(op.getParallelism()).isEqualTo(1);
    OneInputOperatorHarness<String, String> h = harnessOf(op);
    h.processElement("a1", 1);
    h.processElement("b2", 2);
    h.processElement("c11", 11);
    h.processWatermark(100);
    assertThat(h.takeOutput())
        .containsExactly(
            "op[0,10)=2@9", "late:side2@9", "op[10,20)=1@19", "late:side1@19", "W(100)");
    h.close();
    assertThat(AllCount.closed).isTrue();
  }

  @Test
  void sumMinAndMaxOfAFieldPerWindow() throws Exception {
    KeyedStream<Reading, String> readings =
        ENV.fromElements(new Reading("x", 0)).keyBy(Reading::id);
    OneInputOperatorHarness<Reading, Reading> sum =
        harnessOf(
            readings
                .window(TumblingEventTimeWindows.<Reading>of(Duration.ofMillis(10)))
                .sum("value"));
    OneInputOperatorHarness<Reading, Reading> min =
        harnessOf(
            readings.window(TumblingEventTimeWindows.<Reading>of(Duration.ofMillis(10))).min(1));
    OneInputOperatorHarness<Reading, Reading> max =
        harnessOf(
            readings.window(TumblingEventTimeWindows.<Reading>of(Duration.ofMillis(10))).max(1));
    for (OneInputOperatorHarness<Reading, Reading> h : List.of(sum, min, max)) {
      h.processElement(new Reading("a", 5), 1);
      h.processElement(new Reading("a", 2), 2);
      h.processElement(new Reading("a", 9), 3);
      h.processElement(new Reading("b", 1), 4);
      h.processWatermark(9);
    }
    assertThat(sum.takeOutput())
        .containsExactlyInAnyOrder("Reading[id=a, value=16]@9", "Reading[id=b, value=1]@9", "W(9)");
    assertThat(min.takeOutput())
        .containsExactlyInAnyOrder("Reading[id=a, value=2]@9", "Reading[id=b, value=1]@9", "W(9)");
    assertThat(max.takeOutput())
        .containsExactlyInAnyOrder("Reading[id=a, value=9]@9", "Reading[id=b, value=1]@9", "W(9)");
  }

  @Test
  void countEvictorKeepsTheLastElements() throws Exception {
    OneInputOperatorHarness<String, String> h =
        harness(
            keyed()
                .window(TumblingEventTimeWindows.<String>of(Duration.ofMillis(10)))
                .trigger(CountTrigger.<TimeWindow>of(3))
                .evictor(CountEvictor.<TimeWindow>of(2))
                .process(new Describe<>()));
    h.processElement("a1", 1);
    h.processElement("a2", 2);
    h.processElement("a3", 3);
    assertThat(h.takeOutput()).containsExactly("a[0,10):a2,a3@9");
    h.processElement("a4", 4);
    h.processElement("a5", 5); // window holds a2 a3 a4 a5 -> a4 a5
    h.processElement("a6", 6);
    assertThat(h.takeOutput()).containsExactly("a[0,10):a5,a6@9");
  }

  @Test
  void countEvictorAfterTheFunctionSeesAllElementsFirst() throws Exception {
    OneInputOperatorHarness<String, String> h =
        harness(
            keyed()
                .window(GlobalWindows.<String>create())
                .trigger(CountTrigger.<GlobalWindow>of(2))
                .evictor(CountEvictor.<GlobalWindow>of(1, true))
                .process(new Describe<>()));
    for (int i = 1; i <= 4; i++) {
      h.processElement("a" + i, i);
    }
    assertThat(h.takeOutput())
        .containsExactly("aG:a1,a2@" + Long.MAX_VALUE, "aG:a2,a3,a4@" + Long.MAX_VALUE);
  }

  @Test
  void timeEvictorKeepsElementsNearTheNewest() throws Exception {
    OneInputOperatorHarness<String, String> h =
        harness(
            keyed()
                .window(TumblingEventTimeWindows.<String>of(Duration.ofMillis(10)))
                .evictor(TimeEvictor.<TimeWindow>of(Duration.ofMillis(3)))
                .reduce(new Concat(), new WithWindow<>()));
    h.processElement("a1", 1);
    h.processElement("a8", 8);
    h.processElement("a5", 5); // 8 - 3 = 5: a1 and a5 are evicted
    h.processElement("a7", 7);
    h.processWatermark(100);
    assertThat(h.takeOutput()).containsExactly("a[0,10)=a8+a7@9", "W(100)");
  }
}
