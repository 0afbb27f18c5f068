package io.eddy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.JobClient;
import io.eddy.api.JobExecutionException;
import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.TimeDomain;
import io.eddy.api.TimerService;
import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.ProcessFunction;
import io.eddy.runtime.time.ManualClock;
import io.eddy.testutils.CollectingSink;
import io.eddy.testutils.GatedSource;
import io.eddy.testutils.MiniClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Event-time and processing-time timers of keyed process functions on the embedded cluster. */
class TimersITCase {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = MiniClusterExtension.withManualClock(2, 4, 0);

  record Event(String key, long time) {}

  /**
   * Per event: a timer at time + 10 (registered twice: fires once), and one at time + 5 that is
   * deleted again. Emits "key@timer" on firing, and the timer's record timestamp to a side output.
   */
  static final class DedupAndDelete extends KeyedProcessFunction<String, Event, String> {
    static final OutputTag<String> STAMPS = new OutputTag<>("stamps", Types.STRING);

    @Override
    public void processElement(Event value, Context ctx, Collector<String> out) {
      ctx.timerService().registerEventTimeTimer(value.time() + 10);
      ctx.timerService().registerEventTimeTimer(value.time() + 10);
      ctx.timerService().registerEventTimeTimer(value.time() + 5);
      ctx.timerService().deleteEventTimeTimer(value.time() + 5);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
      assertThat(ctx.timeDomain()).isEqualTo(TimeDomain.EVENT_TIME);
      out.collect(ctx.getCurrentKey() + "@" + timestamp);
      ctx.output(STAMPS, ctx.getCurrentKey() + "@" + ctx.timestamp());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void eventTimeTimersFireOncePerKeyAndTimestampAndDeletedOnesNever(int parallelism)
      throws Exception {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      events.add(
          new Event("k" + (i % 11), (i % 50) * 10)); // the deleted +5 timers collide with none
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    CollectingSink<String> fired = new CollectingSink<>();
    CollectingSink<String> stamps = new CollectingSink<>();
    var timers =
        env.fromCollection(events)
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<Event>forMonotonousTimestamps()
                    .withTimestampAssigner((e, previous) -> e.time()))
            .keyBy(Event::key)
            .process(new DedupAndDelete());
    timers.sinkTo(fired);
    timers.getSideOutput(DedupAndDelete.STAMPS).sinkTo(stamps);
    env.execute();

    TreeSet<String> expected = new TreeSet<>();
    events.forEach(e -> expected.add(e.key() + "@" + (e.time() + 10)));
    assertThat(fired.getResults().stream().sorted().toList()).containsExactlyElementsOf(expected);
    assertThat(stamps.getResults().stream().sorted().toList()).containsExactlyElementsOf(expected);
  }

  /** Processing-time timers 100 ms (and for "b" also 200 ms) after each record. */
  static final class ProcessingTimers extends KeyedProcessFunction<String, String, String> {
    @Override
    public void processElement(String value, Context ctx, Collector<String> out) {
      long now = ctx.timerService().currentProcessingTime();
      ctx.timerService().registerProcessingTimeTimer(now + 100);
      ctx.timerService().registerProcessingTimeTimer(now + 100);
      if (value.equals("b")) {
        ctx.timerService().registerProcessingTimeTimer(now + 200);
      }
      out.collect("registered " + value + " at " + now);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
      out.collect(ctx.getCurrentKey() + "@" + timestamp + " " + ctx.timeDomain());
    }
  }

  @Test
  void processingTimeTimersFireWhenTheTestAdvancesTheClock() throws Exception {
    ManualClock clock = CLUSTER.getManualClock();
    long start = clock.currentTimeMillis();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.setBufferTimeout(0); // the flush timer runs on the manual clock too
    GatedSource<String, ?> source =
        GatedSource.of(Types.STRING.createSerializer(), List.of("a", "b", "c"));
    CollectingSink<String> sink = new CollectingSink<>();
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "Gated")
        .keyBy(v -> v)
        .process(new ProcessingTimers())
        .sinkTo(sink);
    JobClient job = env.executeAsync("processing time");
    Await.until(() -> sink.getResults().size() == 3, "three registrations");
    assertThat(sink.getResults())
        .containsExactlyInAnyOrder(
            "registered a at " + start, "registered b at " + start, "registered c at " + start);

    clock.advance(Duration.ofMillis(150));
    Await.until(() -> sink.getResults().size() == 6, "the timers at +100");
    clock.advance(Duration.ofMillis(100));
    Await.until(() -> sink.getResults().size() == 7, "the timer at +200");
    source.open();
    job.getJobExecutionResult().get();

    assertThat(sink.getResults().subList(3, 7))
        .containsExactlyInAnyOrder(
            "a@" + (start + 100) + " PROCESSING_TIME",
            "b@" + (start + 100) + " PROCESSING_TIME",
            "c@" + (start + 100) + " PROCESSING_TIME",
            "b@" + (start + 200) + " PROCESSING_TIME");
    assertThat(sink.getResults().get(6)).isEqualTo("b@" + (start + 200) + " PROCESSING_TIME");
  }

  /** Registers a timer on a non-keyed stream, which Flink's API forbids too. */
  static final class NonKeyedTimer extends ProcessFunction<Long, Long> {
    @Override
    public void processElement(Long value, Context ctx, Collector<Long> out) {
      ctx.timerService().registerEventTimeTimer(value);
    }
  }

  @Test
  void registeringATimerOnANonKeyedStreamFailsTheJobClearly() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.fromSequence(1, 3).process(new NonKeyedTimer()).sinkToDiscarding();
    assertThatThrownBy(env::execute)
        .isInstanceOf(JobExecutionException.class)
        .hasMessageContaining("Timers need a keyed stream")
        .hasRootCauseMessage(TimerService.UNSUPPORTED_REGISTER_TIMER_MSG);
  }
}
