package io.eddy.runtime.operators.co;

import io.eddy.api.common.state.MapState;
import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.co.ProcessJoinFunction;
import io.eddy.runtime.operators.FunctionContextSupport;
import io.eddy.runtime.state.KeyedStateBackend;
import io.eddy.runtime.state.timers.InternalTimer;
import io.eddy.runtime.state.timers.InternalTimerService;
import io.eddy.runtime.state.timers.Triggerable;
import io.eddy.runtime.streamrecord.StreamRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The interval join of two keyed streams in event time: a left element at {@code l} and a right
 * element of the same key at {@code r} join when {@code l + lowerBound <= r <= l + upperBound}
 * (inclusive bounds; the API turns exclusive ones into inclusive ones).
 *
 * <p>Each side is buffered per key in keyed state ({@code MapState<timestamp, List<value>>}); each
 * new element is joined with the other side's buffer and then buffered itself. Once the watermark
 * passes the last time a future element of the other side could join it, an event-time timer
 * removes it: a left element at {@code l} is needed while a right element at {@code r >= watermark}
 * may still have {@code r <= l + upperBound}; a right element at {@code r} while a left element may
 * still have {@code l <= r - lowerBound}. Elements behind the watermark on arrival are late and
 * dropped. Output records carry the larger of the two timestamps. Task thread only.
 */
public final class IntervalJoinOperator<K, IN1, IN2, OUT>
    extends AbstractTwoInputUdfOperator<IN1, IN2, OUT, ProcessJoinFunction<IN1, IN2, OUT>>
    implements Triggerable<K> {
  private final long lowerBound;
  private final long upperBound;
  private MapState<Long, List<Object>> leftBuffer;
  private MapState<Long, List<Object>> rightBuffer;
  private InternalTimerService<K> timers;
  private FunctionContextSupport<K, OUT> support;
  private JoinContext context;

  public IntervalJoinOperator(
      ProcessJoinFunction<IN1, IN2, OUT> function, long lowerBound, long upperBound) {
    super(function);
    if (lowerBound > upperBound) {
      throw new IllegalArgumentException(
          "lowerBound " + lowerBound + " is after upperBound " + upperBound);
    }
    this.lowerBound = lowerBound;
    this.upperBound = upperBound;
  }

  @Override
  public void open() throws Exception {
    super.open();
    KeyedStateBackend<?> backend = setup.keyedStateBackend();
    if (backend == null || setup.keySelector2() == null) {
      throw new IllegalStateException(
          "An interval join needs two keyed inputs, but " + setup.description() + " is not keyed.");
    }
    leftBuffer = backend.getOrCreateKeyedState(buffer("interval-join-left-buffer"));
    rightBuffer = backend.getOrCreateKeyedState(buffer("interval-join-right-buffer"));
    timers = createTimerService(this);
    support = new FunctionContextSupport<>(this, null);
    context = new JoinContext(userFunction);
  }

  private static MapStateDescriptor<Long, List<Object>> buffer(String name) {
    return new MapStateDescriptor<>(name, Types.LONG, Types.LIST(TypeInformation.unknown()));
  }

  @Override
  @SuppressWarnings("unchecked")
  public void processElement1(StreamRecord<IN1> record) {
    long timestamp = timestampOf(record);
    if (isLate(timestamp)) {
      return;
    }
    K key = (K) setKeyContext1(record.getValue());
    add(leftBuffer, timestamp, record.getValue());
    for (Map.Entry<Long, List<Object>> bucket : rightBuffer.entries()) {
      long r = bucket.getKey();
      if (r >= timestamp + lowerBound && r <= timestamp + upperBound) {
        for (Object right : bucket.getValue()) {
          emit(record.getValue(), (IN2) right, timestamp, r);
        }
      }
    }
    timers.registerEventTimeTimer(key, leftCleanupTime(timestamp));
  }

  @Override
  @SuppressWarnings("unchecked")
  public void processElement2(StreamRecord<IN2> record) {
    long timestamp = timestampOf(record);
    if (isLate(timestamp)) {
      return;
    }
    K key = (K) setKeyContext2(record.getValue());
    add(rightBuffer, timestamp, record.getValue());
    for (Map.Entry<Long, List<Object>> bucket : leftBuffer.entries()) {
      long l = bucket.getKey();
      if (timestamp >= l + lowerBound && timestamp <= l + upperBound) {
        for (Object left : bucket.getValue()) {
          emit((IN1) left, record.getValue(), l, timestamp);
        }
      }
    }
    timers.registerEventTimeTimer(key, rightCleanupTime(timestamp));
  }

  /** The first watermark at which no future right element can join a left one at {@code l}. */
  private long leftCleanupTime(long l) {
    return saturatedAdd(saturatedAdd(l, upperBound), 1);
  }

  /** The first watermark at which no future left element can join a right one at {@code r}. */
  private long rightCleanupTime(long r) {
    return saturatedAdd(saturatedAdd(r, -lowerBound), 1);
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    if (((a ^ sum) & (b ^ sum)) < 0) {
      return a > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
    return sum;
  }

  private boolean isLate(long timestamp) {
    return currentWatermark != Long.MIN_VALUE && timestamp < currentWatermark;
  }

  private long timestampOf(StreamRecord<?> record) {
    if (!record.hasTimestamp()) {
      throw new IllegalStateException(
          "An interval join works in event time, but a record of "
              + setup.description()
              + " has no timestamp: assign timestamps with assignTimestampsAndWatermarks(...) or a"
              + " source watermark strategy.");
    }
    return record.getTimestamp();
  }

  private static void add(MapState<Long, List<Object>> buffer, long timestamp, Object value) {
    List<Object> bucket = buffer.get(timestamp);
    if (bucket == null) {
      bucket = new ArrayList<>();
    }
    bucket.add(value);
    buffer.put(timestamp, bucket); // stored again: state values are not copied, but be explicit
  }

  private void emit(IN1 left, IN2 right, long leftTimestamp, long rightTimestamp) {
    long timestamp = Math.max(leftTimestamp, rightTimestamp);
    support.setTimestamp(timestamp);
    context.left = leftTimestamp;
    context.right = rightTimestamp;
    try {
      userFunction.processElement(left, right, context, support.collector());
    } catch (Exception e) {
      throw userError(e);
    }
  }

  @Override
  public void onEventTime(InternalTimer<K> timer) {
    long watermark = timer.getTimestamp();
    List<Long> expired = new ArrayList<>();
    for (Long l : leftBuffer.keys()) {
      if (leftCleanupTime(l) <= watermark) {
        expired.add(l);
      }
    }
    expired.forEach(leftBuffer::remove);
    expired.clear();
    for (Long r : rightBuffer.keys()) {
      if (rightCleanupTime(r) <= watermark) {
        expired.add(r);
      }
    }
    expired.forEach(rightBuffer::remove);
  }

  @Override
  public void onProcessingTime(InternalTimer<K> timer) {
    throw new IllegalStateException("An interval join registers no processing-time timers.");
  }

  /** The timestamps of the pair being joined; side outputs carry the larger one. */
  private final class JoinContext extends ProcessJoinFunction<IN1, IN2, OUT>.Context {
    private long left;
    private long right;

    JoinContext(ProcessJoinFunction<IN1, IN2, OUT> function) {
      function.super();
    }

    @Override
    public long getLeftTimestamp() {
      return left;
    }

    @Override
    public long getRightTimestamp() {
      return right;
    }

    @Override
    public long getTimestamp() {
      return Math.max(left, right);
    }

    @Override
    public <X> void output(OutputTag<X> tag, X value) {
      support.output(tag, value);
    }
  }
}
