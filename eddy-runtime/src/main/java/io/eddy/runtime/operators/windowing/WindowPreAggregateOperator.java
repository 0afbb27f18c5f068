package io.eddy.runtime.operators.windowing;

import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.functions.ReduceFunction;
import io.eddy.api.windowing.windows.TimeWindow;
import io.eddy.runtime.operators.AbstractStreamOperator;
import io.eddy.runtime.operators.OneInputStreamOperator;
import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.streamrecord.Watermark;
import io.eddy.runtime.streamrecord.WatermarkStatus;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reduces the elements of one upstream subtask per key and tumbling event-time window before they
 * are shuffled to the window operator, which then reduces one value per key, window and upstream
 * subtask instead of every element: the combiner of a map-side aggregation. Each value goes with
 * the key it was reduced under ({@link PreAggregated}), which the window then goes by.
 *
 * <p>It emits what it holds before every watermark and watermark status it forwards, before a
 * checkpoint's barrier and at the end of input, so each value reaches the window operator ahead of
 * every watermark that follows its elements, as they would have: a window fires with the same
 * contents. It holds no state (nothing survives a barrier), so checkpoints, rescaling and failover
 * are as without it. Only elements later than the last watermark it forwarded are combined; the
 * others (and elements without a timestamp or key) go on at once, after what it holds, so the
 * window operator judges their lateness as before and the order of each key's elements is kept. The
 * planner only adds it where that makes the window's result the same: the default event-time
 * trigger, no evictor, no allowed lateness, no late-data side output, a reduce function (which must
 * be associative, as for any parallel reduce).
 */
public final class WindowPreAggregateOperator<K, T>
    extends AbstractStreamOperator<PreAggregated<K, T>>
    implements OneInputStreamOperator<T, PreAggregated<K, T>> {
  /** At most this many (key, window) values are held; reaching it emits them all. */
  static final int MAX_HELD = 16_384;

  private final KeySelector<T, K> keySelector;
  private final ReduceFunction<T> reducer;
  private final long windowSize;
  private final long windowOffset;

  /** Window start → key → the reduced value so far; windows in the order they first appeared. */
  private final Map<Long, Map<K, Held<T>>> windows = new LinkedHashMap<>();

  /** The map of the window the previous element went to, and that window's start. */
  private Map<K, Held<T>> lastWindow;

  private long lastWindowStart;
  private int held;

  /** The last watermark forwarded: elements at or before it are not combined. */
  private long forwardedWatermark = Long.MIN_VALUE;

  private final StreamRecord<PreAggregated<K, T>> emitted = new StreamRecord<>(null);

  /** A key's reduced value in one window and the latest timestamp among its elements. */
  private static final class Held<T> {
    T value;
    long timestamp;

    Held(T value, long timestamp) {
      this.value = value;
      this.timestamp = timestamp;
    }
  }

  @SuppressWarnings("unchecked")
  public WindowPreAggregateOperator(WindowPreAggregation<T> spec) {
    this.keySelector = (KeySelector<T, K>) spec.keySelector();
    this.reducer = spec.reducer();
    this.windowSize = spec.windowSize();
    this.windowOffset = spec.windowOffset();
  }

  @Override
  public void processElement(StreamRecord<T> record) throws Exception {
    T value = record.getValue();
    K key;
    try {
      key = keySelector.getKey(value);
    } catch (Exception e) {
      throw userError(e);
    }
    long timestamp = record.hasTimestamp() ? record.getTimestamp() : Long.MIN_VALUE;
    if (key == null || timestamp <= forwardedWatermark) {
      emitHeld(); // keeps the order of the key's elements; the window operator reports errors
      output.collect(record.replace(new PreAggregated<>(key, value)));
      return;
    }
    long start = TimeWindow.getWindowStartWithOffset(timestamp, windowOffset, windowSize);
    Map<K, Held<T>> window = windowStarting(start);
    Held<T> current = window.get(key);
    if (current == null) {
      window.put(key, new Held<>(value, timestamp));
      if (++held >= MAX_HELD) {
        emitHeld();
      }
      return;
    }
    T reduced;
    try {
      reduced = reducer.reduce(current.value, value);
    } catch (Exception e) {
      throw userError(e);
    }
    if (reduced == null) {
      // A null result clears the window's value: let the window operator see both, in order.
      window.remove(key);
      held--;
      emit(key, current);
      output.collect(record.replace(new PreAggregated<>(key, value)));
      return;
    }
    current.value = reduced;
    current.timestamp = Math.max(current.timestamp, timestamp);
  }

  private Map<K, Held<T>> windowStarting(long start) {
    if (lastWindow != null && lastWindowStart == start) {
      return lastWindow;
    }
    lastWindow = windows.computeIfAbsent(start, s -> new HashMap<>());
    lastWindowStart = start;
    return lastWindow;
  }

  /** Emits every held value (window by window) and forgets them. */
  private void emitHeld() {
    if (held == 0) {
      return;
    }
    for (Map<K, Held<T>> window : windows.values()) {
      window.forEach(this::emit);
    }
    windows.clear();
    lastWindow = null;
    held = 0;
  }

  private void emit(K key, Held<T> held) {
    output.collect(emitted.replace(new PreAggregated<>(key, held.value), held.timestamp));
  }

  @Override
  public void processWatermark(Watermark watermark) throws Exception {
    emitHeld();
    forwardedWatermark = Math.max(forwardedWatermark, watermark.getTimestamp());
    super.processWatermark(watermark);
  }

  @Override
  public void processWatermarkStatus(WatermarkStatus status) throws Exception {
    emitHeld();
    super.processWatermarkStatus(status);
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) {
    emitHeld();
  }

  @Override
  public void finish() throws Exception {
    emitHeld();
    super.finish();
  }
}
