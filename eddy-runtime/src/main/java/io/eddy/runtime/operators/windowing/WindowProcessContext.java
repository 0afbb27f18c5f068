package io.eddy.runtime.operators.windowing;

import io.eddy.api.common.state.KeyedStateStore;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.windowing.ProcessWindowFunction;
import io.eddy.api.windowing.windows.Window;
import io.eddy.runtime.operators.FunctionContextSupport;

/**
 * The context a {@link ProcessWindowFunction} gets: the current window, time, per-window and global
 * state, and side outputs (stamped with the window's max timestamp); time and side outputs come
 * from the operator's {@link FunctionContextSupport}. One instance per operator, re-pointed before
 * each call. Task thread only.
 */
final class WindowProcessContext<K, IN, OUT, W extends Window>
    extends ProcessWindowFunction<IN, OUT, K, W>.Context {
  private static final long serialVersionUID = 1L;
  private final transient FunctionContextSupport<K, OUT> support;
  private final transient NamespacedStateStore windowState;
  private final transient NamespacedStateStore globalState;
  private final boolean merging;
  private transient W window;

  WindowProcessContext(
      ProcessWindowFunction<IN, OUT, K, W> function,
      FunctionContextSupport<K, OUT> support,
      NamespacedStateStore windowState,
      NamespacedStateStore globalState,
      boolean merging) {
    function.super();
    this.support = support;
    this.windowState = windowState;
    this.globalState = globalState;
    this.merging = merging;
  }

  /** Before a call about {@code window}: output is stamped with its max timestamp. */
  void enter(W window) {
    this.window = window;
    support.setTimestamp(window.maxTimestamp());
  }

  @Override
  public W window() {
    return window;
  }

  @Override
  public long currentProcessingTime() {
    return support.currentProcessingTime();
  }

  @Override
  public long currentWatermark() {
    return support.currentWatermark();
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
    support.output(outputTag, value);
  }
}
