package io.eddy.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.api.common.functions.AbstractRichFunction;
import io.eddy.api.common.functions.CoGroupFunction;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.functions.FlatJoinFunction;
import io.eddy.api.common.functions.JoinFunction;
import io.eddy.api.common.functions.OpenContext;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.windowing.assigners.TumblingEventTimeWindows;
import io.eddy.testutils.CollectingSink;
import io.eddy.testutils.MiniClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Window joins and coGroups of two streams of different types, built on the window operator over a
 * tagged union. The manual clock keeps periodic watermarks still, so all windows fire at the end of
 * input and nothing is late.
 */
class WindowJoinITCase {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = MiniClusterExtension.withManualClock(2, 4, 0);

  record Order(String user, long time, int amount) {}

  record Click(String user, long time, String page) {}

  /** A rich join function: fails unless open() ran. */
  static final class OrderThenPage extends AbstractRichFunction
      implements JoinFunction<Order, Click, String> {
    private transient boolean opened;

    @Override
    public void open(OpenContext context) {
      opened = getRuntimeContext() != null;
    }

    @Override
    public String join(Order order, Click click) {
      if (!opened) {
        throw new IllegalStateException("not opened");
      }
      return order.user() + ":" + order.amount() + click.page();
    }
  }

  /** Emits the pair only when the click came after the order. */
  static final class ClickAfterOrder implements FlatJoinFunction<Order, Click, String> {
    @Override
    public void join(Order order, Click click, Collector<String> out) {
      if (click.time() > order.time()) {
        out.collect(order.user() + ":" + order.amount() + click.page());
      }
    }
  }

  /** "user:amounts|pages", both sorted; a side may be empty. */
  static final class Describe implements CoGroupFunction<Order, Click, String> {
    @Override
    public void coGroup(Iterable<Order> orders, Iterable<Click> clicks, Collector<String> out) {
      List<String> amounts = new ArrayList<>();
      List<String> pages = new ArrayList<>();
      String user = null;
      for (Order o : orders) {
        user = o.user();
        amounts.add(String.valueOf(o.amount()));
      }
      for (Click c : clicks) {
        user = c.user();
        pages.add(c.page());
      }
      amounts.sort(null);
      pages.sort(null);
      out.collect(user + ":" + String.join(",", amounts) + "|" + String.join(",", pages));
    }
  }

  private static DataStream<Order> orders(StreamExecutionEnvironment env) {
    return env.fromElements(
            new Order("a", 1, 1),
            new Order("a", 5, 2),
            new Order("b", 3, 3),
            new Order("a", 12, 4),
            new Order("c", 15, 5))
        .assignTimestampsAndWatermarks(
            WatermarkStrategy.<Order>forMonotonousTimestamps()
                .withTimestampAssigner((o, previous) -> o.time()));
  }

  private static DataStream<Click> clicks(StreamExecutionEnvironment env) {
    return env.fromElements(
            new Click("a", 2, "x"),
            new Click("b", 9, "z"),
            new Click("b", 8, "y"),
            new Click("a", 11, "w"),
            new Click("d", 13, "v"))
        .assignTimestampsAndWatermarks(
            WatermarkStrategy.<Click>forMonotonousTimestamps()
                .withTimestampAssigner((c, previous) -> c.time()));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void joinEmitsEveryPairWithEqualKeysInTheSameWindow(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    CollectingSink<String> joined = new CollectingSink<>();
    CollectingSink<String> flatJoined = new CollectingSink<>();
    orders(env)
        .join(clicks(env))
        .where(Order::user)
        .equalTo(Click::user)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
        .apply(new OrderThenPage())
        .sinkTo(joined);
    orders(env)
        .join(clicks(env))
        .where(Order::user)
        .equalTo(Click::user)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
        .apply(new ClickAfterOrder())
        .sinkTo(flatJoined);
    env.execute();

    assertThat(joined.getResults())
        .containsExactlyInAnyOrder("a:1x", "a:2x", "b:3y", "b:3z", "a:4w");
    assertThat(flatJoined.getResults()).containsExactlyInAnyOrder("a:1x", "b:3y", "b:3z");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void coGroupSeesBothSidesOfEveryKeyAndWindow(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    CollectingSink<String> sink = new CollectingSink<>();
    orders(env)
        .coGroup(clicks(env))
        .where(Order::user)
        .equalTo(Click::user)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
        .apply(new Describe())
        .sinkTo(sink);
    env.execute();

    assertThat(sink.getResults())
        .containsExactlyInAnyOrder("a:1,2|x", "b:3|y,z", "a:4|w", "c:5|", "d:|v");
  }
}
