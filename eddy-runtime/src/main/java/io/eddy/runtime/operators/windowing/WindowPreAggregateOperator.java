package io.eddy.runtime.operators.windowing;

import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.functions.ReduceFunction;
import io.eddy.api.windowing.windows.TimeWindow;
import io.eddy.runtime.operators.AbstractStreamOperator;
import io.eddy.runtime.operators.OneInputStreamOperator;
import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.streamrecord.WatermarkElement;
import io.eddy.runtime.streamrecord.WatermarkStatus;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reduces the elements of one upstream subtask per key and pane (a tumbling window, or the slices
 * of sliding windows: see {@link WindowPreAggregation}) before they are shuffled to the window
 * operator, which then reduces one value per key, pane and upstream subtask instead of every
 * element: the combiner of a map-side aggregation. Each value goes with the key it was reduced
 * under ({@link PreAggregated}), which the window then goes by.
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
  /** At most this many (key, pane) values are held; reaching it emits them all. */
  static final int MAX_HELD = 16_384;

  private final KeySelector<T, K> keySelector;
  private final ReduceFunction<T> reducer;
  private final long paneSize;
  private final long paneOffset;
  private final boolean panesShareWindows;

  /** Pane start → key → the reduced value so far; panes in the order they first appeared. */
  private final Map<Long, Map<K, Held<T>>> panes = new LinkedHashMap<>();

  /** The map of the pane the previous element went to, and that pane's start. */
  private Map<K, Held<T>> lastPane;

  private long lastPaneStart;
  private int held;

  /** The last watermark forwarded: elements at or before it are not combined. */
  private long forwardedWatermark = Long.MIN_VALUE;

  private final StreamRecord<PreAggregated<K, T>> emitted = new StreamRecord<>(null);

  /** A key's reduced value in one pane and the latest timestamp among its elements. */
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
    this.paneSize = spec.paneSize();
    this.paneOffset = spec.paneOffset();
    this.panesShareWindows = spec.panesShareWindows();
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
    long start = TimeWindow.getWindowStartWithOffset(timestamp, paneOffset, paneSize);
    Map<K, Held<T>> pane = paneStarting(start);
    Held<T> current = pane.get(key);
    if (current == null) {
      if (panesShareWindows) {
        emitOtherPanesOf(key, pane);
      }
      pane.put(key, new Held<>(value, timestamp));
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
      pane.remove(key);
      held--;
      emit(key, current);
      output.collect(record.replace(new PreAggregated<>(key, value)));
      return;
    }
    current.value = reduced;
    current.timestamp = Math.max(current.timestamp, timestamp);
  }

  private Map<K, Held<T>> paneStarting(long start) {
    if (lastPane != null && lastPaneStart == start) {
      return lastPane;
    }
    lastPane = panes.computeIfAbsent(start, s -> new HashMap<>());
    lastPaneStart = start;
    return lastPane;
  }

  /**
   * Emits the key's value of another pane before the key's elements start a value in {@code pane},
   * so that a window spanning both receives them in the order of their elements. A key holds a
   * value in at most one pane at a time, and few panes are held at once.
   */
  private void emitOtherPanesOf(K key, Map<K, Held<T>> pane) {
    if (panes.size() == 1) {
      return;
    }
    for (Map<K, Held<T>> other : panes.values()) {
      Held<T> earlier = other == pane ? null : other.remove(key);
      if (earlier != null) {
        held--;
        emit(key, earlier);
        return;
      }
    }
  }

  /** Emits every held value (pane by pane) and forgets them. */
  private void emitHeld() {
    if (held == 0) {
      return;
    }
    for (Map<K, Held<T>> pane : panes.values()) {
      pane.forEach(this::emit);
    }
    panes.clear();
    lastPane = null;
    held = 0;
  }

  private void emit(K key, Held<T> held) {
    output.collect(emitted.replace(new PreAggregated<>(key, held.value), held.timestamp));
  }

  @Override
  public void processWatermark(WatermarkElement watermark) throws Exception {
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
