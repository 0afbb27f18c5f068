package io.eddy.runtime.operators.windowing;

import io.eddy.api.common.state.KeyedStateStore;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.windowing.ProcessWindowFunction;
import io.eddy.api.windowing.windows.Window;
import io.eddy.runtime.operators.Output;
import io.eddy.runtime.state.timers.InternalTimerService;
import io.eddy.runtime.streamrecord.StreamRecord;

/**
 * The context a {@link ProcessWindowFunction} gets: the current window, time, per-window and global
 * state, and side outputs (stamped with the window's max timestamp). One instance per operator,
 * re-pointed before each call. Task thread only.
 */
final class WindowProcessContext<K, IN, OUT, W extends Window>
    extends ProcessWindowFunction<IN, OUT, K, W>.Context {
  private static final long serialVersionUID = 1L;
  private final transient InternalTimerService<K> timers;
  private final transient Output<OUT> output;
  private final transient NamespacedStateStore windowState;
  private final transient NamespacedStateStore globalState;
  private final boolean merging;
  transient W window;

  WindowProcessContext(
      ProcessWindowFunction<IN, OUT, K, W> function,
      InternalTimerService<K> timers,
      Output<OUT> output,
      NamespacedStateStore windowState,
      NamespacedStateStore globalState,
      boolean merging) {
    function.super();
    this.timers = timers;
    this.output = output;
    this.windowState = windowState;
    this.globalState = globalState;
    this.merging = merging;
  }

  @Override
  public W window() {
    return window;
  }

  @Override
  public long currentProcessingTime() {
    return timers.currentProcessingTime();
  }

  @Override
  public long currentWatermark() {
    return timers.currentWatermark();
  }

  @Override
  public KeyedStateStore windowState() {
    if (merging) {
      throw new UnsupportedOperationException(
          "Per-window state is not supported with merging (session) windows; use globalState().");
    }
    windowState.setNamespace(window);
    return windowState;
  }

  @Override
  public KeyedStateStore globalState() {
    return globalState;
  }

  @Override
  public <X> void output(OutputTag<X> outputTag, X value) {
    if (outputTag == null) {
      throw new IllegalArgumentException("The OutputTag must not be null.");
    }
    output.collect(outputTag, new StreamRecord<>(value, window.maxTimestamp()));
  }
}
