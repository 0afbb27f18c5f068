package io.eddy.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.common.eventtime.Watermark;
import io.eddy.api.common.eventtime.WatermarkGenerator;
import io.eddy.api.common.eventtime.WatermarkOutput;
import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.functions.OpenContext;
import io.eddy.api.common.state.ListState;
import io.eddy.api.common.state.ListStateDescriptor;
import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.state.ValueStateDescriptor;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.datastream.SingleOutputStreamOperator;
import io.eddy.api.functions.co.CoFlatMapFunction;
import io.eddy.api.functions.co.CoMapFunction;
import io.eddy.api.functions.co.CoProcessFunction;
import io.eddy.api.functions.co.KeyedCoProcessFunction;
import io.eddy.testutils.CollectingSink;
import io.eddy.testutils.MiniClusterExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Connected streams through real tasks: both inputs of one task, tagged edges, keyed state. */
class ConnectedStreamsITCase {
  @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension(2, 4);

  record Order(String customer, String id, long time) {}

  record Customer(String id, String name, long time) {}

  static final class Describe implements CoMapFunction<String, Long, String> {
    @Override
    public String map1(String value) {
      return "s:" + value;
    }

    @Override
    public String map2(Long value) {
      return "l:" + value;
    }
  }

  static final class Repeat implements CoFlatMapFunction<String, Long, String> {
    @Override
    public void flatMap1(String value, Collector<String> out) {
      out.collect(value);
      out.collect(value.toUpperCase());
    }

    @Override
    public void flatMap2(Long value, Collector<String> out) {
      for (long i = 0; i < value; i++) {
        out.collect("n" + value);
      }
    }
  }

  static final OutputTag<Long> EVENS = new OutputTag<>("evens") {};

  /** Odd numbers and strings to the main output with their timestamps; even numbers aside. */
  static final class SplitEvens extends CoProcessFunction<String, Long, String> {
    @Override
    public void processElement1(String value, Context ctx, Collector<String> out) {
      out.collect(value + "@" + ctx.timestamp());
    }

    @Override
    public void processElement2(Long value, Context ctx, Collector<String> out) {
      if (value % 2 == 0) {
        ctx.output(EVENS, value);
      } else {
        out.collect(value + "@" + ctx.timestamp());
      }
    }
  }

  /**
   * Joins orders with their customer: an order waits for its customer until the watermark passes
   * its time + 100, then is reported unmatched. (Whether a customer arriving after that deadline
   * finds the order depends on how the inputs interleave, so the data avoids that case.) Customer
   * names are keyed state shared by both inputs.
   */
  static final class Enrich extends KeyedCoProcessFunction<String, Order, Customer, String> {
    private transient ValueState<String> name;
    private transient ListState<Order> pending;

    @Override
    public void open(OpenContext context) {
      name = getRuntimeContext().getState(new ValueStateDescriptor<>("name", String.class));
      pending = getRuntimeContext().getListState(new ListStateDescriptor<>("pending", Order.class));
    }

    @Override
    public void processElement1(Order order, Context ctx, Collector<String> out) throws Exception {
      String known = name.value();
      if (known != null) {
        out.collect(order.id() + ":" + known);
      } else {
        pending.add(order);
        ctx.timerService().registerEventTimeTimer(order.time() + 100);
      }
    }

    @Override
    public void processElement2(Customer customer, Context ctx, Collector<String> out)
        throws Exception {
      name.update(customer.name());
      for (Order order : pending.get()) {
        out.collect(order.id() + ":" + customer.name());
        ctx.timerService().deleteEventTimeTimer(order.time() + 100);
      }
      pending.clear();
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out)
        throws Exception {
      List<Order> still = new ArrayList<>();
      for (Order order : pending.get()) {
        if (order.time() + 100 == timestamp) {
          out.collect(order.id() + ":UNMATCHED(" + ctx.getCurrentKey() + ")");
        } else {
          still.add(order);
        }
      }
      pending.update(still);
    }
  }

  /** After each element the watermark is its timestamp minus one. */
  static final class Punctuated<T> implements WatermarkGenerator<T> {
    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
      output.emitWatermark(new Watermark(eventTimestamp - 1));
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }

  /**
   * Reports an element that arrives at or behind the operator's watermark (impossible when the
   * watermark is the minimum of both inputs, since each input's own watermark stays behind its
   * elements), and a timer per element of the slow input that fires before the watermark reaches
   * it.
   */
  static final class CheckWatermark extends KeyedCoProcessFunction<Long, Long, Long, String> {
    @Override
    public void processElement1(Long value, Context ctx, Collector<String> out) {
      check(value, ctx, out);
    }

    @Override
    public void processElement2(Long value, Context ctx, Collector<String> out) {
      check(value, ctx, out);
      ctx.timerService().registerEventTimeTimer(value);
    }

    private void check(Long value, Context ctx, Collector<String> out) {
      if (value <= ctx.timerService().currentWatermark()) {
        out.collect("LATE " + value + " at " + ctx.timerService().currentWatermark());
      }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
      if (ctx.timerService().currentWatermark() < timestamp) {
        out.collect("EARLY " + timestamp);
      }
      out.collect("timer " + timestamp);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void coMapAndCoFlatMap(int parallelism) throws Exception {
    StreamExecutionEnvironment env = env(parallelism);
    DataStream<String> strings = env.fromElements("a", "b", "c");
    DataStream<Long> longs = env.fromElements(1L, 2L, 3L);
    CollectingSink<String> mapped = new CollectingSink<>();
    CollectingSink<String> flatMapped = new CollectingSink<>();
    strings.connect(longs).map(new Describe()).sinkTo(mapped);
    strings.connect(longs).flatMap(new Repeat()).sinkTo(flatMapped);
    env.execute();
    assertThat(sorted(mapped)).containsExactly("l:1", "l:2", "l:3", "s:a", "s:b", "s:c");
    assertThat(sorted(flatMapped))
        .containsExactly("A", "B", "C", "a", "b", "c", "n1", "n2", "n2", "n3", "n3", "n3");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void coProcessKeepsTimestampsAndEmitsSideOutputs(int parallelism) throws Exception {
    StreamExecutionEnvironment env = env(parallelism);
    DataStream<String> strings =
        env.fromElements("x", "y")
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<String>forMonotonousTimestamps()
                    .withTimestampAssigner((s, previous) -> s.charAt(0)));
    DataStream<Long> longs =
        env.fromElements(1L, 2L, 3L, 4L)
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<Long>forMonotonousTimestamps()
                    .withTimestampAssigner((v, previous) -> v * 10));
    SingleOutputStreamOperator<String> main = strings.connect(longs).process(new SplitEvens());
    CollectingSink<String> mainSink = new CollectingSink<>();
    CollectingSink<Long> evenSink = new CollectingSink<>();
    main.sinkTo(mainSink);
    main.getSideOutput(EVENS).sinkTo(evenSink);
    env.execute();
    assertThat(sorted(mainSink)).containsExactly("1@10", "3@30", "x@120", "y@121");
    assertThat(sorted(evenSink)).containsExactly(2L, 4L);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void keyedCoProcessJoinsBothSidesPerKeyWithStateAndTimers(int parallelism) throws Exception {
    StreamExecutionEnvironment env = env(parallelism);
    DataStream<Order> orders =
        env.fromElements(
                new Order("a", "o1", 10),
                new Order("b", "o2", 20),
                new Order("d", "o5", 40),
                new Order("e", "o6", 50),
                new Order("a", "o4", 300),
                new Order("c", "o3", 450))
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<Order>forGenerator(ctx -> new Punctuated<>())
                    .withTimestampAssigner((o, previous) -> o.time()));
    DataStream<Customer> customers =
        env.fromElements(
                new Customer("a", "Alice", 5),
                new Customer("b", "Bob", 100), // within o2's 100 ms: matched
                new Customer("c", "Carol", 500)) // after o3, before its deadline: matched
            // no customer "d" or "e": their orders are reported when the watermark passes
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<Customer>forGenerator(ctx -> new Punctuated<>())
                    .withTimestampAssigner((c, previous) -> c.time()));
    CollectingSink<String> sink = new CollectingSink<>();
    orders
        .connect(customers)
        .keyBy(Order::customer, Customer::id)
        .process(new Enrich())
        .sinkTo(sink);
    env.execute();
    assertThat(sorted(sink))
        .containsExactly(
            "o1:Alice", "o2:Bob", "o3:Carol", "o4:Alice", "o5:UNMATCHED(d)", "o6:UNMATCHED(e)");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void theWatermarkIsTheMinimumOfBothInputs(int parallelism) throws Exception {
    StreamExecutionEnvironment env = env(parallelism);
    List<Long> fast = LongStream.range(0, 2_000).boxed().toList();
    List<Long> slow = LongStream.range(0, 20).map(i -> i * 100).boxed().toList();
    DataStream<Long> fastStream =
        env.fromCollection(fast)
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<Long>forGenerator(ctx -> new Punctuated<>())
                    .withTimestampAssigner((v, previous) -> v));
    DataStream<Long> slowStream =
        env.fromCollection(slow)
            .map(new SlowDown())
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<Long>forGenerator(ctx -> new Punctuated<>())
                    .withTimestampAssigner((v, previous) -> v));
    CollectingSink<String> sink = new CollectingSink<>();
    fastStream
        .connect(slowStream)
        .keyBy(v -> v % 3, v -> v % 3)
        .process(new CheckWatermark())
        .sinkTo(sink);
    env.execute();
    List<String> expected = new ArrayList<>();
    slow.forEach(t -> expected.add("timer " + t));
    expected.sort(null);
    assertThat(sorted(sink)).isEqualTo(expected);
  }

  /** Makes the slow input slow, so the fast one runs ahead. */
  static final class SlowDown implements io.eddy.api.common.functions.MapFunction<Long, Long> {
    @Override
    public Long map(Long value) throws Exception {
      Thread.sleep(5);
      return value;
    }
  }

  private static StreamExecutionEnvironment env(int parallelism) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    return env;
  }

  private static <T extends Comparable<T>> List<T> sorted(CollectingSink<T> sink) {
    List<T> results = new ArrayList<>(sink.getResults());
    results.sort(null);
    return results;
  }
}
