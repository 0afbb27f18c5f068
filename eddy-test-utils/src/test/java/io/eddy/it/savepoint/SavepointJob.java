package io.eddy.it.savepoint;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.checkpoint.CheckpointedFunction;
import io.eddy.api.checkpoint.FunctionInitializationContext;
import io.eddy.api.checkpoint.FunctionSnapshotContext;
import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.functions.OpenContext;
import io.eddy.api.common.functions.RichMapFunction;
import io.eddy.api.common.state.ListState;
import io.eddy.api.common.state.ListStateDescriptor;
import io.eddy.api.common.state.MapState;
import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.state.ValueStateDescriptor;
import io.eddy.api.connector.sink.Sink;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.SingleOutputStreamOperator;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.windowing.assigners.TumblingEventTimeWindows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stateful job of the savepoint tests, and the oracle of its output. The numbers {@code 0..N-1}
 * are records with event time = their value and key = value % {@link #KEYS}:
 *
 * <ul>
 *   <li>"op-state": a pass-through mapper counting its records in operator list state and
 *       publishing its count in union list state;
 *   <li>"keyed": a keyed process function with a ValueState counter (emits {@code c:key:count} per
 *       record), and per bucket of {@link #BUCKET} ms a MapState sum and a ListState of values,
 *       emitted by an event-time timer at the bucket's end ({@code t:key:bucket:sum}, {@code
 *       l:key:bucket:size});
 *   <li>"window": a tumbling event-time window of {@link #WINDOW} ms summing per key ({@code
 *       w:sum}).
 * </ul>
 *
 * Every output is a fixed multiset whatever the order of arrival, as long as no record is late: the
 * watermark lags {@link #OUT_OF_ORDERNESS} behind, more than two splits of the source, which is the
 * most a reader restored with two old readers' splits can go back in time.
 */
final class SavepointJob {
  static final long N = 20_000;
  static final int KEYS = 8;
  static final long BUCKET = 500;
  static final long WINDOW = 100;
  static final Duration OUT_OF_ORDERNESS = Duration.ofMillis(6_000);

  /** Per run: the records the op-state mappers counted, added at close. */
  static final AtomicLong MAPPER_TOTAL = new AtomicLong();

  /** Per run: per mapper subtask, how many entries its union state restored. */
  static final ConcurrentLinkedQueue<Integer> UNION_SIZES = new ConcurrentLinkedQueue<>();

  private SavepointJob() {}

  static void resetStatics() {
    MAPPER_TOTAL.set(0);
    UNION_SIZES.clear();
  }

  /** Adds the job; {@code withKeyed=false} leaves out the keyed process function. */
  static void build(
      StreamExecutionEnvironment env,
      HoldableNumberSource source,
      Sink<String> sink,
      boolean uids,
      boolean withKeyed) {
    SingleOutputStreamOperator<Long> numbers =
        env.fromSource(
            source,
            WatermarkStrategy.<Long>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
                .withTimestampAssigner((v, previous) -> v),
            "numbers");
    SingleOutputStreamOperator<Long> counted = numbers.map(new CountingMapper());
    if (uids) {
      numbers.uid("src");
      counted.uid("op-state");
    }
    SingleOutputStreamOperator<String> windows =
        counted
            .keyBy(v -> v % KEYS)
            .window(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW)))
            .reduce(Long::sum)
            .map(sum -> "w:" + sum);
    DataStream<String> out = windows;
    if (withKeyed) {
      SingleOutputStreamOperator<String> keyed =
          counted.keyBy(v -> v % KEYS).process(new StatefulPerKey());
      if (uids) {
        keyed.uid("keyed");
      }
      out = windows.union(keyed);
    }
    if (uids) {
      windows.uid("window-out");
    }
    out.sinkTo(sink);
  }

  /** What the job writes for the records {@code 0..n-1} when event time ends after them. */
  static List<String> expectedOutput(long n) {
    List<String> expected = new ArrayList<>();
    Map<Long, Long> counts = new TreeMap<>();
    Map<String, long[]> buckets = new TreeMap<>(); // key:bucket -> sum, size
    Map<String, Long> windows = new TreeMap<>();
    for (long v = 0; v < n; v++) {
      long key = v % KEYS;
      long count = counts.merge(key, 1L, Long::sum);
      expected.add("c:" + key + ":" + count);
      long[] b = buckets.computeIfAbsent(key + ":" + v / BUCKET, k -> new long[2]);
      b[0] += v;
      b[1]++;
      windows.merge(key + ":" + v / WINDOW, v, Long::sum);
    }
    buckets.forEach(
        (kb, b) -> {
          String key = kb.substring(0, kb.indexOf(':'));
          String bucket = kb.substring(kb.indexOf(':') + 1);
          expected.add("t:" + key + ":" + bucket + ":" + b[0]);
          expected.add("l:" + key + ":" + bucket + ":" + b[1]);
        });
    windows.forEach((kw, sum) -> expected.add("w:" + sum));
    return expected.stream().sorted().toList();
  }

  /** Operator state: a list-state count (split on rescale) and a union-state copy of it. */
  static final class CountingMapper extends RichMapFunction<Long, Long>
      implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;
    private transient ListState<Long> countState;
    private transient ListState<Long> unionState;
    private transient long count;

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
      countState =
          context
              .getOperatorStateStore()
              .getListState(new ListStateDescriptor<>("count", Long.class));
      unionState =
          context
              .getOperatorStateStore()
              .getUnionListState(new ListStateDescriptor<>("all-counts", Long.class));
      count = 0;
      for (Long c : countState.get()) {
        count += c;
      }
      if (context.isRestored()) {
        int size = 0;
        for (Long ignored : unionState.get()) {
          size++;
        }
        UNION_SIZES.add(size);
      }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
      countState.update(List.of(count));
      unionState.update(List.of(count));
    }

    @Override
    public Long map(Long value) {
      count++;
      return value;
    }

    @Override
    public void close() {
      MAPPER_TOTAL.addAndGet(count);
    }
  }

  /** Keyed state of three kinds and event-time timers. */
  static final class StatefulPerKey extends KeyedProcessFunction<Long, Long, String> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> count;
    private transient MapState<Long, Long> sums;
    private transient ListState<Long> values;

    @Override
    public void open(OpenContext context) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
      sums =
          getRuntimeContext().getMapState(new MapStateDescriptor<>("sums", Long.class, Long.class));
      values = getRuntimeContext().getListState(new ListStateDescriptor<>("values", Long.class));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
      long next = (count.value() == null ? 0 : count.value()) + 1;
      count.update(next);
      out.collect("c:" + ctx.getCurrentKey() + ":" + next);
      long bucket = value / BUCKET;
      Long sum = sums.get(bucket);
      sums.put(bucket, (sum == null ? 0 : sum) + value);
      values.add(value);
      ctx.timerService().registerEventTimeTimer(bucket * BUCKET + BUCKET - 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out)
        throws Exception {
      long bucket = timestamp / BUCKET;
      out.collect("t:" + ctx.getCurrentKey() + ":" + bucket + ":" + sums.get(bucket));
      sums.remove(bucket);
      List<Long> rest = new ArrayList<>();
      int size = 0;
      for (Long v : values.get()) {
        if (v / BUCKET == bucket) {
          size++;
        } else {
          rest.add(v);
        }
      }
      values.update(rest);
      out.collect("l:" + ctx.getCurrentKey() + ":" + bucket + ":" + size);
    }
  }
}
