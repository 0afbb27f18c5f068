package io.eddy.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.JobClient;
import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.common.eventtime.Watermark;
import io.eddy.api.common.eventtime.WatermarkGenerator;
import io.eddy.api.common.eventtime.WatermarkOutput;
import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.api.common.functions.AggregateFunction;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.functions.ReduceFunction;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.datastream.SingleOutputStreamOperator;
import io.eddy.api.functions.windowing.ProcessAllWindowFunction;
import io.eddy.api.functions.windowing.ProcessWindowFunction;
import io.eddy.api.windowing.assigners.EventTimeSessionWindows;
import io.eddy.api.windowing.assigners.TumblingEventTimeWindows;
import io.eddy.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.eddy.api.windowing.triggers.Trigger;
import io.eddy.api.windowing.triggers.TriggerResult;
import io.eddy.api.windowing.windows.TimeWindow;
import io.eddy.api.windowing.windows.Window;
import io.eddy.runtime.time.ManualClock;
import io.eddy.testutils.CollectingSink;
import io.eddy.testutils.GatedSource;
import io.eddy.testutils.MiniClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Windows through real tasks and network channels, on a manual clock (periodic watermarks never
 * run, so event time moves only with the punctuated watermarks the tests generate).
 */
class WindowITCase {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = MiniClusterExtension.withManualClock(2, 4, 0);

  private static final OutputTag<Event> LATE = new OutputTag<>("late") {};

  record Event(String key, long time, long value) {}

  /** After each event: the watermark is the largest timestamp so far minus {@code lag}. */
  static final class Lagging implements WatermarkGenerator<Event> {
    private final long lag;
    private long max = Long.MIN_VALUE / 2;

    Lagging(long lag) {
      this.lag = lag;
    }

    @Override
    public void onEvent(Event event, long eventTimestamp, WatermarkOutput output) {
      max = Math.max(max, eventTimestamp);
      output.emitWatermark(new Watermark(max - lag));
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }

  static final class SumValues implements ReduceFunction<Event> {
    @Override
    public Event reduce(Event a, Event b) {
      return new Event(a.key(), Math.max(a.time(), b.time()), a.value() + b.value());
    }
  }

  /** "key[start,end)=value" of the reduced event, checking the output timestamp on the way. */
  static final class Label extends ProcessWindowFunction<Event, String, String, TimeWindow> {
    @Override
    public void process(String key, Context ctx, Iterable<Event> sums, Collector<String> out) {
      TimeWindow w = ctx.window();
      for (Event sum : sums) {
        out.collect(key + "[" + w.getStart() + "," + w.getEnd() + ")=" + sum.value());
      }
    }
  }

  /** "key[start,end):t1,t2" with the element timestamps in arrival order. */
  static final class ListTimes extends ProcessWindowFunction<Event, String, String, TimeWindow> {
    @Override
    public void process(String key, Context ctx, Iterable<Event> events, Collector<String> out) {
      List<String> times = new ArrayList<>();
      events.forEach(e -> times.add(String.valueOf(e.time())));
      times.sort(null);
      TimeWindow w = ctx.window();
      out.collect(key + "[" + w.getStart() + "," + w.getEnd() + "):" + String.join(",", times));
    }
  }

  static final class Count implements AggregateFunction<Long, Long, Long> {
    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(Long value, Long acc) {
      return acc + 1;
    }

    @Override
    public Long getResult(Long acc) {
      return acc;
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }

  static final class LabelAll extends ProcessAllWindowFunction<Long, String, TimeWindow> {
    @Override
    public void process(Context ctx, Iterable<Long> counts, Collector<String> out) {
      out.collect(ctx.window().getStart() + ":" + counts.iterator().next());
    }
  }

  /** Fires on every element (early results) and fires and purges at the window's end. */
  static final class EarlyAndFinal extends Trigger<Object, Window> {
    @Override
    public TriggerResult onElement(Object e, long timestamp, Window window, TriggerContext ctx) {
      ctx.registerProcessingTimeTimer(window.maxTimestamp());
      return TriggerResult.FIRE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, Window window, TriggerContext ctx) {
      return TriggerResult.FIRE_AND_PURGE;
    }

    @Override
    public TriggerResult onEventTime(long time, Window window, TriggerContext ctx) {
      return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(Window window, TriggerContext ctx) {
      ctx.deleteProcessingTimeTimer(window.maxTimestamp());
    }
  }

  static final class Join implements ReduceFunction<String> {
    @Override
    public String reduce(String a, String b) {
      return a + b;
    }
  }

  /** One reader in order, so lateness is the same at every window parallelism. */
  private static DataStream<Event> events(
      StreamExecutionEnvironment env, long lag, Event... events) {
    return env.fromElements(events)
        .assignTimestampsAndWatermarks(
            WatermarkStrategy.<Event>forGenerator(ctx -> new Lagging(lag))
                .withTimestampAssigner((e, previous) -> e.time()));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void tumblingWindowsWithLatenessAndALateSideOutput(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    CollectingSink<String> sink = new CollectingSink<>();
    CollectingSink<String> late = new CollectingSink<>();
    SingleOutputStreamOperator<String> windowed =
        events(
                env,
                3,
                new Event("a", 1, 1),
                new Event("b", 2, 10),
                new Event("a", 12, 100), // watermark 9: [0,10) fires (a=1, b=10)
                new Event("a", 5, 1000), // late but allowed (cleanup at 14): fires a=1001
                new Event("a", 19, 10000), // watermark 16: [0,10) is cleaned up
                new Event("a", 3, 7), // too late: side output
                new Event("b", 15, 20))
            .keyBy(Event::key)
            .window(TumblingEventTimeWindows.<Event>of(Duration.ofMillis(10)))
            .allowedLateness(Duration.ofMillis(5))
            .sideOutputLateData(LATE)
            .reduce(new SumValues(), new Label());
    windowed.sinkTo(sink);
    windowed.getSideOutput(LATE).map(e -> e.key() + e.time()).sinkTo(late);
    env.execute();

    assertThat(sink.getResults())
        .containsExactlyInAnyOrder(
            "a[0,10)=1", "b[0,10)=10", "a[0,10)=1001", "a[10,20)=10100", "b[10,20)=20");
    assertThat(late.getResults()).containsExactly("a3");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void sessionWindowsMergeInBothOrdersOfArrival(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    CollectingSink<String> sink = new CollectingSink<>();
    events(
            env,
            20,
            new Event("a", 10, 0),
            new Event("b", 1, 0),
            new Event("a", 1, 0),
            new Event("b", 5, 0),
            new Event("a", 5, 0), // bridges a's [1,6) and [10,15)
            new Event("b", 10, 0), // b's sessions grew in order
            new Event("c", 30, 0),
            new Event("a", 40, 0), // watermark 20: a and b's sessions close
            new Event("c", 33, 0))
        .keyBy(Event::key)
        .window(EventTimeSessionWindows.<Event>withGap(Duration.ofMillis(5)))
        .process(new ListTimes())
        .sinkTo(sink);
    env.execute();

    assertThat(sink.getResults())
        .containsExactlyInAnyOrder(
            "a[1,15):1,10,5", "b[1,15):1,10,5", "c[30,38):30,33", "a[40,45):40");
  }

  @Test
  void windowAllCountsEveryElementOnce() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(4);
    CollectingSink<String> sink = new CollectingSink<>();
    env.fromSequence(1, 1000)
        .assignTimestampsAndWatermarks(
            WatermarkStrategy.<Long>forMonotonousTimestamps()
                .withTimestampAssigner((v, previous) -> v))
        .windowAll(TumblingEventTimeWindows.<Long>of(Duration.ofMillis(100)))
        .aggregate(new Count(), new LabelAll())
        .sinkTo(sink);
    env.execute();

    List<String> expected = new ArrayList<>();
    expected.add("0:99");
    for (int start = 100; start < 1000; start += 100) {
      expected.add(start + ":100");
    }
    expected.add("1000:1");
    assertThat(sink.getResults()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void processingTimeWindowsFireWhenTheTestAdvancesTheClock() throws Exception {
    ManualClock clock = CLUSTER.getManualClock();
    long start = clock.currentTimeMillis();
    long windowEnd = start - Math.floorMod(start, 1000) + 1000;
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.setBufferTimeout(0);
    GatedSource<String, ?> source =
        GatedSource.of(Types.STRING.createSerializer(), List.of("a", "b", "a"));
    CollectingSink<String> sink = new CollectingSink<>();
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "Gated")
        .keyBy(v -> v)
        .window(TumblingProcessingTimeWindows.<String>of(Duration.ofMillis(1000)))
        .trigger(new EarlyAndFinal())
        .reduce(new Join())
        .sinkTo(sink);
    JobClient job = env.executeAsync("processing-time windows");
    Await.until(() -> sink.getResults().size() == 3, "an early firing per element");
    assertThat(sink.getResults()).containsExactlyInAnyOrder("a", "b", "aa");

    clock.advance(Duration.ofMillis(windowEnd - start));
    Await.until(() -> sink.getResults().size() == 5, "the final firings");
    source.open();
    job.getJobExecutionResult().get();
    assertThat(sink.getResults().subList(3, 5)).containsExactlyInAnyOrder("aa", "b");
  }
}
