package io.eddy.runtime.operators.windowing;

import io.eddy.api.common.state.AppendingState;
import io.eddy.api.common.state.ListState;
import io.eddy.api.common.state.StateDescriptor;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.windowing.ProcessWindowFunction;
import io.eddy.api.windowing.assigners.MergingWindowAssigner;
import io.eddy.api.windowing.assigners.WindowAssigner;
import io.eddy.api.windowing.triggers.Trigger;
import io.eddy.api.windowing.triggers.TriggerResult;
import io.eddy.api.windowing.windows.TimeWindow;
import io.eddy.api.windowing.windows.Window;
import io.eddy.core.dag.ops.WindowSpec;
import io.eddy.runtime.operators.AbstractUdfStreamOperator;
import io.eddy.runtime.operators.FunctionContextSupport;
import io.eddy.runtime.operators.OneInputStreamOperator;
import io.eddy.runtime.state.InternalKvState;
import io.eddy.runtime.state.InternalMergingState;
import io.eddy.runtime.state.KeyedStateBackend;
import io.eddy.runtime.state.timers.InternalTimer;
import io.eddy.runtime.state.timers.InternalTimerService;
import io.eddy.runtime.state.timers.Triggerable;
import io.eddy.runtime.streamrecord.StreamRecord;
import java.util.Collection;
import java.util.List;

/**
 * Evaluates windows of a keyed stream. Per element: the assigner picks its windows (merging session
 * windows with the key's active windows), the element is added to each window's contents, and the
 * trigger decides whether to fire (run the window function, output stamped with the window's {@code
 * maxTimestamp()}) and/or purge. Timers registered by the trigger fire into it for their window.
 *
 * <p>State: the contents are one keyed state (list, reducing or aggregating) whose namespace is the
 * window, so each (key, window) has its own value; trigger state and per-window function state are
 * namespaced the same way. Timers carry the window as namespace in the {@link
 * InternalTimerService}. A cleanup timer at {@code maxTimestamp + allowedLateness} (event time) or
 * {@code maxTimestamp} (processing time) drops all state of the window.
 *
 * <p>Lateness (event time): an element whose windows all ended (plus allowed lateness) before the
 * watermark is dropped or sent to the late side output.
 *
 * <p>Threading: elements, watermarks and timer mails all arrive on the task thread; no locks.
 */
public class WindowOperator<K, IN, ACC, OUT, W extends Window>
    extends AbstractUdfStreamOperator<OUT, ProcessWindowFunction<ACC, OUT, K, W>>
    implements OneInputStreamOperator<IN, OUT>, Triggerable<K> {
  protected final WindowAssigner<? super IN, W> assigner;
  protected final Trigger<? super IN, ? super W> trigger;
  private final long allowedLateness;
  private final OutputTag<IN> lateDataTag;
  private final StateDescriptor<? extends AppendingState<?, ?>, ?> contentsDescriptor;

  protected InternalTimerService<K> timers;
  protected AppendingState<Object, Object> contents;
  private InternalMergingState mergingContents;
  private MergingWindowSet mergingWindows;
  protected WindowTriggerContext<K, W> triggerContext;
  protected WindowProcessContext<K, ACC, OUT, W> processContext;
  private NamespacedStateStore windowStateStore;

  /** Time, watermark, side outputs and the output stamped with the window's max timestamp. */
  protected FunctionContextSupport<K, OUT> functionContext;

  protected K currentKey;
  private long numLateRecordsDropped;

  /**
   * The last two distinct windows elements were assigned to (non-merging assigners). An equal
   * window assigned later is replaced by one of these instances, so all keys' state and timers of a
   * window share one window object: lookups then compare windows by identity instead of loading
   * each stored entry's own copy, and that one object stays in the CPU cache.
   */
  private W recentWindow;

  private W olderWindow;

  /**
   * Whether every (key, window) with contents is known to have its cleanup timer. The operator
   * registers the cleanup timer with the window's first element, and only the timer's firing (which
   * clears the contents) removes it, unless a trigger deletes it (then {@link
   * WindowTriggerContext#cleanupTimerDeleted} turns true for good) or sessions merge (not tracked
   * for merging assigners). While true, an element added to a window that had contents registers no
   * cleanup timer, and the trigger's registration of the same timer (the default trigger's, per
   * element) is known to be a no-op: both skip the timer lookup.
   */
  private boolean cleanupTimersTracked;

  @SuppressWarnings("unchecked")
  public WindowOperator(WindowSpec<IN, K, W> spec) {
    super((ProcessWindowFunction<ACC, OUT, K, W>) spec.function());
    this.assigner = spec.assigner();
    this.trigger = spec.trigger();
    this.allowedLateness = spec.allowedLatenessMillis();
    this.lateDataTag = spec.lateDataTag();
    this.contentsDescriptor = spec.contentsDescriptor();
  }

  /**
   * Whether elements arrive as {@link PreAggregated} values (the planner put a pre-aggregation in
   * front of the shuffle): the key is the one they carry, the element the value they wrap.
   */
  private boolean preAggregatedInput;

  private final StreamRecord<IN> unwrapped = new StreamRecord<>(null);

  /** The operator of a window whose input was pre-aggregated (see {@link PreAggregated}). */
  public static <K, IN, OUT, W extends Window> WindowOperator<K, IN, ?, OUT, W> preAggregated(
      WindowSpec<IN, K, W> spec) {
    WindowOperator<K, IN, ?, OUT, W> operator = create(spec);
    operator.preAggregatedInput = true;
    return operator;
  }

  /** The operator for {@code spec}: evicting if it has an evictor. */
  public static <K, IN, OUT, W extends Window> WindowOperator<K, IN, ?, OUT, W> create(
      WindowSpec<IN, K, W> spec) {
    if (spec.evictor() == null) {
      return new WindowOperator<K, IN, Object, OUT, W>(spec);
    }
    return new EvictingWindowOperator<K, IN, OUT, W>(spec);
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void open() throws Exception {
    super.open();
    KeyedStateBackend<?> backend = setup.keyedStateBackend();
    if (backend == null) {
      throw new IllegalStateException(
          "Windows need a keyed stream (keyBy(...).window(...) or windowAll(...)), but "
              + setup.description()
              + " is not keyed.");
    }
    timers = createTimerService(this);
    functionContext = new FunctionContextSupport<>(this, null); // window functions have no timers
    contents = (AppendingState) backend.getOrCreateKeyedState((StateDescriptor) contentsDescriptor);
    mergingContents = contents instanceof InternalMergingState m ? m : null;
    boolean merging = assigner instanceof MergingWindowAssigner;
    if (merging) {
      mergingWindows = new MergingWindowSet((MergingWindowAssigner<?>) assigner, backend);
    }
    triggerContext =
        new WindowTriggerContext<>(timers, backend, assigner.isEventTime(), this::cleanupTime);
    cleanupTimersTracked =
        !merging && (restoredState.keyedStateFiles().isEmpty() || everyWindowHasItsCleanupTimer());
    windowStateStore = new NamespacedStateStore(backend, true);
    processContext =
        new WindowProcessContext<>(
            userFunction,
            functionContext,
            windowStateStore,
            new NamespacedStateStore(backend, false),
            merging);
  }

  /** Elements dropped because they were late for all their windows and there is no side output. */
  public long getNumLateRecordsDropped() {
    return numLateRecordsDropped;
  }

  // ------------------------------------------------------------------ elements

  @Override
  @SuppressWarnings("unchecked")
  public void processElement(StreamRecord<IN> record) throws Exception {
    currentKey = (K) setKeyContext(record.getValue());
    if (preAggregatedInput) {
      record = unwrap(record);
    }
    long timestamp = record.hasTimestamp() ? record.getTimestamp() : Long.MIN_VALUE;
    Collection<W> windows;
    try {
      // event-time assigners do not need the clock: skip reading it for every element
      long now = assigner.isEventTime() ? Long.MIN_VALUE : timers.currentProcessingTime();
      windows = assigner.assignWindows(record.getValue(), timestamp, now);
    } catch (RuntimeException e) {
      throw userError(e);
    }
    boolean skipped = true;
    for (W assigned : windows) {
      if (isWindowLate(assigned)) {
        continue;
      }
      W window = mergingWindows == null ? shared(assigned) : (W) mergeWindow((TimeWindow) assigned);
      skipped = false;
      // contents before this element imply the cleanup timer (see cleanupTimersTracked)
      long cleanupTime = cleanupTime(window);
      boolean cleanupTimerExists =
          cleanupTimersTracked
              && !triggerContext.cleanupTimerDeleted
              && cleanupTime != Long.MAX_VALUE
              && hasContents(window);
      addToWindow(window, record);
      triggerContext.key = currentKey;
      triggerContext.window = window;
      TriggerResult result;
      try {
        triggerContext.cleanupTimerKnown = cleanupTimerExists;
        triggerContext.knownCleanupTime = cleanupTime;
        result =
            ((Trigger<IN, W>) trigger)
                .onElement(record.getValue(), timestamp, window, triggerContext);
        cleanupTimerExists = triggerContext.cleanupTimerKnown; // false if the trigger deleted it
      } catch (Exception e) {
        throw userError(e);
      } finally {
        triggerContext.cleanupTimerKnown = false;
      }
      apply(result, window);
      if (!cleanupTimerExists) {
        registerCleanupTimer(window);
      }
    }
    if (skipped && isElementLate(timestamp)) {
      if (lateDataTag != null) {
        output.collect(lateDataTag, record);
      } else {
        numLateRecordsDropped++;
      }
    }
  }

  @SuppressWarnings("unchecked")
  private StreamRecord<IN> unwrap(StreamRecord<IN> record) {
    IN value = ((PreAggregated<?, IN>) record.getValue()).value();
    if (record.hasTimestamp()) {
      return unwrapped.replace(value, record.getTimestamp());
    }
    unwrapped.replace(value).eraseTimestamp();
    return unwrapped;
  }

  /** The instance of {@code window} kept in {@link #recentWindow}, made so if it is new. */
  private W shared(W window) {
    W recent = recentWindow;
    if (recent != null && recent.equals(window)) {
      return recent;
    }
    W older = olderWindow;
    olderWindow = recent;
    if (older != null && older.equals(window)) {
      recentWindow = older;
      return older;
    }
    recentWindow = window;
    return window;
  }

  /** Whether the current key has contents in {@code window}. */
  private boolean hasContents(W window) {
    InternalKvState state = (InternalKvState) contents;
    state.setCurrentNamespace(window);
    return state.hasEntry();
  }

  /**
   * After a restore: whether the restored contents have their cleanup timers (a trigger of an
   * earlier run may have deleted some), so that {@link #cleanupTimersTracked} may start true.
   */
  @SuppressWarnings("unchecked")
  private boolean everyWindowHasItsCleanupTimer() {
    boolean[] all = {true};
    ((InternalKvState) contents)
        .forEachNamespacedEntry(
            (key, namespace) -> {
              long time = cleanupTime((W) namespace);
              if (time != Long.MAX_VALUE
                  && !(assigner.isEventTime()
                      ? timers.hasEventTimeTimer((K) key, namespace, time)
                      : timers.hasProcessingTimeTimer((K) key, namespace, time))) {
                all[0] = false;
              }
            });
    return all[0];
  }

  /** Adds the element to the window's contents. */
  protected void addToWindow(W window, StreamRecord<IN> record) throws Exception {
    ((InternalKvState) contents).setCurrentNamespace(window);
    contents.add(record.getValue());
  }

  /** Merges the new session window into the key's active windows; returns the covering one. */
  @SuppressWarnings("unchecked")
  private TimeWindow mergeWindow(TimeWindow window) throws Exception {
    return mergingWindows.add(
        window,
        (result, merged) -> {
          triggerContext.key = currentKey;
          triggerContext.window = (W) result;
          triggerContext.mergedWindows = (Collection<W>) merged;
          try {
            ((Trigger<IN, W>) trigger).onMerge((W) result, triggerContext);
            for (TimeWindow m : merged) {
              triggerContext.window = (W) m;
              ((Trigger<IN, W>) trigger).clear((W) m, triggerContext);
              deleteCleanupTimer((W) m);
            }
          } catch (Exception e) {
            throw userError(e);
          } finally {
            triggerContext.mergedWindows = List.of();
          }
          mergingContents.mergeNamespaces(result, merged);
        });
  }

  // ------------------------------------------------------------------ timers

  @Override
  public void onEventTime(InternalTimer<K> timer) throws Exception {
    onTimer(timer, true);
  }

  @Override
  public void onProcessingTime(InternalTimer<K> timer) throws Exception {
    onTimer(timer, false);
  }

  @SuppressWarnings("unchecked")
  private void onTimer(InternalTimer<K> timer, boolean eventTime) throws Exception {
    W window = timer.getNamespace();
    if (window == null) {
      return;
    }
    currentKey = timer.getKey();
    if (mergingWindows != null && !mergingWindows.contains((TimeWindow) window)) {
      return; // the window merged into another one; its timers are stale
    }
    triggerContext.key = currentKey;
    triggerContext.window = window;
    TriggerResult result;
    try {
      result =
          eventTime
              ? ((Trigger<IN, W>) trigger).onEventTime(timer.getTimestamp(), window, triggerContext)
              : ((Trigger<IN, W>) trigger)
                  .onProcessingTime(timer.getTimestamp(), window, triggerContext);
    } catch (Exception e) {
      throw userError(e);
    }
    apply(result, window);
    if (eventTime == assigner.isEventTime() && timer.getTimestamp() == cleanupTime(window)) {
      clearAllState(window);
    }
  }

  // ------------------------------------------------------------------ firing and cleanup

  private void apply(TriggerResult result, W window) throws Exception {
    if (result.isFire()) {
      fire(window);
    }
    if (result.isPurge()) {
      ((InternalKvState) contents).setCurrentNamespace(window);
      contents.clear();
    }
  }

  /** Runs the window function over the window's contents, if it has any. */
  @SuppressWarnings("unchecked")
  protected void fire(W window) throws Exception {
    ((InternalKvState) contents).setCurrentNamespace(window);
    Object value = contents.get();
    Iterable<ACC> input;
    if (contents instanceof ListState) {
      input = (Iterable<ACC>) value;
      if (!input.iterator().hasNext()) {
        return;
      }
    } else {
      if (value == null) {
        return;
      }
      input = List.of((ACC) value);
    }
    emit(window, input);
  }

  /** Calls the window function with output stamped with the window's max timestamp. */
  protected final void emit(W window, Iterable<ACC> input) {
    processContext.enter(window);
    try {
      userFunction.process(currentKey, processContext, input, functionContext.collector());
    } catch (Exception e) {
      throw userError(e);
    }
  }

  /** Drops the window: contents, trigger state and timers, per-window function state. */
  @SuppressWarnings("unchecked")
  private void clearAllState(W window) throws Exception {
    ((InternalKvState) contents).setCurrentNamespace(window);
    contents.clear();
    triggerContext.key = currentKey;
    triggerContext.window = window;
    processContext.enter(window);
    triggerContext.clearingWindow = true; // the contents are gone: the timers may go too
    try {
      ((Trigger<IN, W>) trigger).clear(window, triggerContext);
      userFunction.clear(processContext);
    } catch (Exception e) {
      throw userError(e);
    } finally {
      triggerContext.clearingWindow = false;
    }
    windowStateStore.clearAll(window);
    if (mergingWindows != null) {
      mergingWindows.retire((TimeWindow) window);
    }
  }

  private long cleanupTime(W window) {
    if (!assigner.isEventTime()) {
      return window.maxTimestamp();
    }
    long time = window.maxTimestamp() + allowedLateness;
    return time >= window.maxTimestamp() ? time : Long.MAX_VALUE;
  }

  private void registerCleanupTimer(W window) {
    long time = cleanupTime(window);
    if (time == Long.MAX_VALUE) {
      return; // the global window, or an end beyond time: never cleaned up
    }
    if (assigner.isEventTime()) {
      timers.registerEventTimeTimer(currentKey, window, time);
    } else {
      timers.registerProcessingTimeTimer(currentKey, window, time);
    }
  }

  private void deleteCleanupTimer(W window) {
    long time = cleanupTime(window);
    if (time == Long.MAX_VALUE) {
      return;
    }
    if (assigner.isEventTime()) {
      timers.deleteEventTimeTimer(currentKey, window, time);
    } else {
      timers.deleteProcessingTimeTimer(currentKey, window, time);
    }
  }

  private boolean isWindowLate(W window) {
    return assigner.isEventTime() && cleanupTime(window) <= timers.currentWatermark();
  }

  private boolean isElementLate(long timestamp) {
    return assigner.isEventTime()
        && timestamp != Long.MIN_VALUE
        && timestamp + allowedLateness <= timers.currentWatermark();
  }
}
