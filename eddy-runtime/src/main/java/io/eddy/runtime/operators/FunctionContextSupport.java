package io.eddy.runtime.operators;

import io.eddy.api.TimeDomain;
import io.eddy.api.TimerService;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.windowing.evictors.Evictor;
import io.eddy.runtime.state.timers.InternalTimer;
import io.eddy.runtime.state.timers.InternalTimerService;
import io.eddy.runtime.streamrecord.StreamRecord;

/**
 * What every context an operator hands its user function knows, in one place: the timestamp of the
 * element (or firing timer, or window) being handled, the collector that stamps output with it,
 * side outputs, the time and watermark, the current key and the timers of that key. The API's
 * contexts are abstract inner classes of each function, so each operator still subclasses them, but
 * only with one-line delegations to this support.
 *
 * <p>One instance per operator, created in {@code open()} and re-pointed before each call (no
 * allocation per record); it is its own {@link TimerService} and {@link Evictor.EvictorContext}.
 * Without an {@link InternalTimerService} (a non-keyed operator) it still tells the time and the
 * watermark, and registering a timer throws. Task thread only.
 */
public final class FunctionContextSupport<K, OUT> implements TimerService, Evictor.EvictorContext {
  private final AbstractStreamOperator<OUT> operator;
  private final InternalTimerService<K> timers;
  private final TimestampedCollector<OUT> collector;

  /** Carries the timestamp of a firing timer, a join result or a window (reused). */
  private final StreamRecord<Object> fixedTime = new StreamRecord<>(null);

  /** The element being handled, or {@link #fixedTime}; null between calls. */
  private StreamRecord<?> element;

  private K key;
  private TimeDomain timeDomain;

  /**
   * @param timers the operator's timer service, or null if the function cannot have timers
   */
  public FunctionContextSupport(
      AbstractStreamOperator<OUT> operator, InternalTimerService<K> timers) {
    this.operator = operator;
    this.timers = timers;
    this.collector = new TimestampedCollector<>(operator.output);
  }

  /** Collects the function's output with the timestamp of what is being handled. */
  public Collector<OUT> collector() {
    return collector;
  }

  // ---- re-pointing, by the operator ----

  /** Before the function handles {@code record}. */
  public void startElement(StreamRecord<?> record) {
    collector.setTimestampFrom(record);
    element = record;
  }

  /** Before the function handles {@code record} of {@code key} (null: the input has no key). */
  public void startElement(StreamRecord<?> record, K key) {
    startElement(record);
    this.key = key;
  }

  /** Before {@code onTimer}: the timer's timestamp, key and domain become current. */
  public void startTimer(InternalTimer<K> timer, TimeDomain domain) {
    setTimestamp(timer.getTimestamp());
    key = timer.getKey(); // a timer registered in onTimer belongs to this key
    timeDomain = domain;
  }

  /** Before a call whose output has this timestamp (a join result, a window). */
  public void setTimestamp(long timestamp) {
    collector.setAbsoluteTimestamp(timestamp);
    fixedTime.setTimestamp(timestamp);
    element = fixedTime;
  }

  /** After the call: {@link #timestamp()} is null and side outputs have no timestamp. */
  public void end() {
    element = null;
  }

  // ---- what the contexts delegate to ----

  /** The timestamp of what is being handled, or null if it has none. */
  public Long timestamp() {
    return element != null && element.hasTimestamp() ? element.getTimestamp() : null;
  }

  /** Emits a side-output value with the timestamp of what is being handled. */
  public <X> void output(OutputTag<X> tag, X value) {
    if (tag == null) {
      throw new IllegalArgumentException("The OutputTag must not be null.");
    }
    StreamRecord<X> record = new StreamRecord<>(value);
    if (element != null) {
      record.copyTimestampFrom(element);
    }
    operator.output.collect(tag, record);
  }

  public TimerService timerService() {
    return this;
  }

  /** The current key (null on an input without one, as the broadcast side). */
  public K currentKey() {
    return key;
  }

  /** The domain of the firing timer. */
  public TimeDomain timeDomain() {
    return timeDomain;
  }

  @Override
  public long currentProcessingTime() {
    return operator.setup.processingTimeService().getCurrentProcessingTime();
  }

  @Override
  public long currentWatermark() {
    return operator.currentWatermark;
  }

  @Override
  public long getCurrentProcessingTime() {
    return currentProcessingTime();
  }

  @Override
  public long getCurrentWatermark() {
    return currentWatermark();
  }

  // ---- the timers of the current key ----

  @Override
  public void registerProcessingTimeTimer(long time) {
    timers().registerProcessingTimeTimer(timerKey(), time);
  }

  @Override
  public void registerEventTimeTimer(long time) {
    timers().registerEventTimeTimer(timerKey(), time);
  }

  @Override
  public void deleteProcessingTimeTimer(long time) {
    timers().deleteProcessingTimeTimer(timerKey(), time);
  }

  @Override
  public void deleteEventTimeTimer(long time) {
    timers().deleteEventTimeTimer(timerKey(), time);
  }

  private InternalTimerService<K> timers() {
    if (timers == null) {
      throw new UnsupportedOperationException(UNSUPPORTED_REGISTER_TIMER_MSG);
    }
    return timers;
  }

  private K timerKey() {
    if (key == null) {
      throw new UnsupportedOperationException(
          "Timers belong to a key, and there is no current key here (the broadcast side has"
              + " none): register timers while processing the keyed input.");
    }
    return key;
  }
}
