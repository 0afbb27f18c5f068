package io.eddy.runtime.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.api.common.functions.AggregateFunction;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.KeyedStream;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.datastream.WindowedStream;
import io.eddy.api.functions.windowing.ProcessWindowFunction;
import io.eddy.api.windowing.assigners.SlidingEventTimeWindows;
import io.eddy.api.windowing.assigners.SlidingProcessingTimeWindows;
import io.eddy.api.windowing.assigners.TumblingEventTimeWindows;
import io.eddy.api.windowing.evictors.CountEvictor;
import io.eddy.api.windowing.triggers.CountTrigger;
import io.eddy.api.windowing.windows.TimeWindow;
import io.eddy.runtime.graph.JobEdge;
import io.eddy.runtime.graph.JobVertex;
import io.eddy.runtime.graph.PlannedJobs;
import io.eddy.runtime.operators.windowing.WindowPreAggregation;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Where the planner puts a pre-aggregation in front of a window's shuffle, and where not. */
class WindowPreAggregationPlannerTest {

  private static StreamGraph plan(Consumer<StreamExecutionEnvironment> job) {
    return PlannedJobs.streamGraph(2, job);
  }

  /** numbers with event time → keyBy → {@code window} → print. */
  private static Consumer<StreamExecutionEnvironment> windowJob(
      Function<KeyedStream<Long, Long>, WindowedStream<Long, Long, TimeWindow>> window,
      Function<WindowedStream<Long, Long, TimeWindow>, DataStream<?>> evaluate) {
    return env ->
        evaluate
            .apply(
                window.apply(
                    env.fromSequence(0, 99)
                        .assignTimestampsAndWatermarks(
                            WatermarkStrategy.<Long>forMonotonousTimestamps()
                                .withTimestampAssigner((v, ts) -> v))
                        .keyBy(v -> v % 3)))
            .print();
  }

  private static Consumer<StreamExecutionEnvironment> tumblingReduce(
      Function<WindowedStream<Long, Long, TimeWindow>, WindowedStream<Long, Long, TimeWindow>>
          configure) {
    return windowJob(
        k -> configure.apply(k.window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))),
        w -> w.reduce(Long::sum));
  }

  private static List<String> names(StreamGraph graph) {
    return graph.getNodes().stream().map(StreamNode::getName).toList();
  }

  private static List<String> tasks(StreamGraph graph) {
    return JobGraphBuilder.build(graph).vertices().stream().map(JobVertex::name).toList();
  }

  @Test
  void aTumblingEventTimeReduceIsPreAggregatedInTheUpstreamTask() {
    StreamGraph graph = plan(tumblingReduce(w -> w));
    assertThat(names(graph)).contains(WindowPreAggregationPlanner.NAME);
    assertThat(tasks(graph).get(0))
        .isEqualTo("Sequence Source -> Timestamps/Watermarks -> Window Pre-Aggregate");
    assertThat(JobGraphBuilder.build(graph).edges())
        .extracting(JobEdge::partitionerName)
        .containsExactly("HASH"); // the shuffle now starts at the pre-aggregation
  }

  @Test
  void sumAndReduceWithAProcessFunctionArePreAggregatedToo() {
    assertThat(
            names(
                plan(
                    windowJob(
                        k -> k.window(TumblingEventTimeWindows.of(Duration.ofMillis(10))),
                        w -> w.reduce(Long::sum, new Label())))))
        .contains(WindowPreAggregationPlanner.NAME);
  }

  @Test
  void slidingEventTimeWindowsArePreAggregatedPerPane() {
    StreamGraph graph =
        plan(
            windowJob(
                k ->
                    k.window(
                        SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(4))),
                w -> w.reduce(Long::sum)));
    StreamNode preAggregation =
        graph.getNodes().stream()
            .filter(WindowPreAggregationPlanner::isPreAggregation)
            .findFirst()
            .orElseThrow();
    WindowPreAggregation<?> spec = (WindowPreAggregation<?>) preAggregation.getOperator();
    assertThat(spec.paneSize()).isEqualTo(2); // gcd(10, 4): every pane lies in the same windows
    assertThat(spec.panesShareWindows()).isTrue();
  }

  @Test
  void windowAllIsPreAggregatedInTheParallelUpstream() {
    StreamGraph graph =
        plan(
            env ->
                env.fromSequence(0, 99)
                    .assignTimestampsAndWatermarks(
                        WatermarkStrategy.<Long>forMonotonousTimestamps()
                            .withTimestampAssigner((v, ts) -> v))
                    .windowAll(TumblingEventTimeWindows.<Long>of(Duration.ofMillis(10)))
                    .reduce(Long::sum)
                    .print());
    StreamNode preAggregation =
        graph.getNodes().stream()
            .filter(WindowPreAggregationPlanner::isPreAggregation)
            .findFirst()
            .orElseThrow();
    assertThat(preAggregation.getParallelism()).isEqualTo(2); // the window itself runs at 1
  }

  @Test
  void windowsWhoseResultWouldChangeAreLeftAlone() {
    OutputTag<Long> late = new OutputTag<>("late") {};
    List<Consumer<StreamExecutionEnvironment>> jobs =
        List.of(
            tumblingReduce(w -> w.allowedLateness(Duration.ofMillis(5))),
            tumblingReduce(w -> w.sideOutputLateData(late)),
            tumblingReduce(w -> w.evictor(CountEvictor.of(2))),
            tumblingReduce(w -> w.trigger(CountTrigger.of(2))),
            windowJob(
                k ->
                    k.window(
                        SlidingProcessingTimeWindows.of(
                            Duration.ofMillis(10), Duration.ofMillis(5))),
                w -> w.reduce(Long::sum)),
            windowJob(
                k -> k.window(TumblingEventTimeWindows.of(Duration.ofMillis(10))),
                w -> w.aggregate(new Count())),
            env -> {
              env.setWindowPreAggregation(false);
              tumblingReduce(w -> w).accept(env);
            });
    for (Consumer<StreamExecutionEnvironment> job : jobs) {
      assertThat(names(plan(job))).doesNotContain(WindowPreAggregationPlanner.NAME);
    }
  }

  @Test
  void theWindowKeepsItsOperatorIdWithOrWithoutPreAggregation() {
    StreamGraph with = plan(tumblingReduce(w -> w));
    StreamGraph without =
        plan(
            env -> {
              env.setWindowPreAggregation(false);
              tumblingReduce(w -> w).accept(env);
            });
    assertThat(operatorIds(with)).containsAll(operatorIds(without));
  }

  private static List<String> operatorIds(StreamGraph graph) {
    return graph.getNodes().stream()
        .filter(n -> !WindowPreAggregationPlanner.isPreAggregation(n))
        .map(StreamNode::getOperatorId)
        .toList();
  }

  private static final class Label extends ProcessWindowFunction<Long, String, Long, TimeWindow> {
    @Override
    public void process(Long key, Context context, Iterable<Long> sums, Collector<String> out) {
      out.collect(key + "=" + sums.iterator().next());
    }
  }

  private static final class Count implements AggregateFunction<Long, Long, Long> {
    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(Long value, Long accumulator) {
      return accumulator + 1;
    }

    @Override
    public Long getResult(Long accumulator) {
      return accumulator;
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }
}
