package io.eddy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.datastream.IntervalJoined;
import io.eddy.api.datastream.KeyedStream;
import io.eddy.api.functions.ProcessFunction;
import io.eddy.api.functions.co.ProcessJoinFunction;
import io.eddy.testutils.CollectingSink;
import io.eddy.testutils.MiniClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Interval joins against hand-computed pairs. Both sides arrive out of timestamp order (within the
 * watermark strategy's bound). A left element at l joins the right elements of its key at r with l
 * + lower <= r <= l + upper, here with lower = -2 and upper = 1 ms.
 */
class IntervalJoinITCase {
  @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension(2, 4);

  record Event(String key, String name, long time) {}

  static final List<Event> LEFT =
      List.of(new Event("k", "B", 10), new Event("j", "C", 100), new Event("k", "A", 5));

  static final List<Event> RIGHT =
      List.of(
          new Event("k", "z", 6),
          new Event("k", "x", 3),
          new Event("j", "s", 103),
          new Event("k", "w", 11),
          new Event("j", "q", 99),
          new Event("k", "y", 4),
          new Event("k", "v", 13),
          new Event("j", "r", 101));

  static final class Pair extends ProcessJoinFunction<Event, Event, String> {
    @Override
    public void processElement(Event left, Event right, Context ctx, Collector<String> out) {
      if (ctx.getLeftTimestamp() != left.time() || ctx.getRightTimestamp() != right.time()) {
        out.collect("WRONG TIMESTAMPS " + ctx.getLeftTimestamp() + "/" + ctx.getRightTimestamp());
      }
      out.collect(left.name() + "+" + right.name() + "@" + ctx.getTimestamp());
    }
  }

  /** Appends the record's own timestamp, to check the join's output timestamps. */
  static final class WithTimestamp extends ProcessFunction<String, String> {
    @Override
    public void processElement(String value, Context ctx, Collector<String> out) {
      out.collect(value + "|" + ctx.timestamp());
    }
  }

  private static List<String> run(
      int parallelism, UnaryOperator<IntervalJoined<Event, Event, String>> bounds)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    KeyedStream<Event, String> left = withTime(env, LEFT).keyBy(Event::key);
    KeyedStream<Event, String> right = withTime(env, RIGHT).keyBy(Event::key);
    CollectingSink<String> sink = new CollectingSink<>();
    bounds
        .apply(left.intervalJoin(right).between(Duration.ofMillis(-2), Duration.ofMillis(1)))
        .process(new Pair())
        .process(new WithTimestamp())
        .sinkTo(sink);
    env.execute();
    List<String> results = new ArrayList<>(sink.getResults());
    results.sort(null);
    return results;
  }

  private static io.eddy.api.datastream.DataStream<Event> withTime(
      StreamExecutionEnvironment env, List<Event> events) {
    return env.fromCollection(events)
        .assignTimestampsAndWatermarks(
            WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(50))
                .withTimestampAssigner((e, previous) -> e.time()));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void inclusiveBounds(int parallelism) throws Exception {
    // A@5 joins [3, 6]: x, y, z. B@10 joins [8, 11]: w. C@100 joins [98, 101]: q, r.
    assertThat(run(parallelism, j -> j))
        .containsExactly(
            "A+x@5|5", "A+y@5|5", "A+z@6|6", "B+w@11|11", "C+q@100|100", "C+r@101|101");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void exclusiveLowerBound(int parallelism) throws Exception {
    // (l - 2, l + 1]: x@3 no longer joins A@5.
    assertThat(run(parallelism, IntervalJoined::lowerBoundExclusive))
        .containsExactly("A+y@5|5", "A+z@6|6", "B+w@11|11", "C+q@100|100", "C+r@101|101");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void exclusiveUpperBound(int parallelism) throws Exception {
    // [l - 2, l + 1): z@6, w@11 and r@101 no longer join.
    assertThat(run(parallelism, IntervalJoined::upperBoundExclusive))
        .containsExactly("A+x@5|5", "A+y@5|5", "C+q@100|100");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void bothBoundsExclusive(int parallelism) throws Exception {
    assertThat(run(parallelism, j -> j.lowerBoundExclusive().upperBoundExclusive()))
        .containsExactly("A+y@5|5", "C+q@100|100");
  }

  @Test
  void parallelismDoesNotChangeTheResult() throws Exception {
    assertThat(run(4, j -> j)).isEqualTo(run(1, j -> j));
  }

  @Test
  void invalidBoundsAreRejected() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    KeyedStream<Event, String> left = withTime(env, LEFT).keyBy(Event::key);
    KeyedStream<Event, String> right = withTime(env, RIGHT).keyBy(Event::key);
    assertThatThrownBy(
            () -> left.intervalJoin(right).between(Duration.ofMillis(1), Duration.ofMillis(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be after its upper bound");
    assertThatThrownBy(
            () ->
                left.intervalJoin(right)
                    .between(Duration.ofMillis(1), Duration.ofMillis(1))
                    .lowerBoundExclusive()
                    .process(new Pair()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leave no time to join");
  }
}
