package io.eddy.runtime.operators;

import io.eddy.api.common.functions.KeySelector;
import io.eddy.runtime.gateway.UserCodeException;
import io.eddy.runtime.snapshot.OperatorSnapshot;
import io.eddy.runtime.snapshot.RestoredState;
import io.eddy.runtime.snapshot.StateWriter;
import io.eddy.runtime.state.KeyedStateBackend;
import io.eddy.runtime.state.OperatorStateBackend;
import io.eddy.runtime.state.timers.InternalTimerService;
import io.eddy.runtime.state.timers.KeyGroupedTimerQueue;
import io.eddy.runtime.state.timers.Triggerable;
import io.eddy.runtime.streamrecord.WatermarkElement;
import io.eddy.runtime.streamrecord.WatermarkStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Base of the runtime's operators: keeps the setup, tracks the current watermark, fires the
 * event-time timers of a keyed operator's timer service when the watermark passes them, and
 * forwards watermarks and watermark statuses. Task thread only.
 */
public abstract class AbstractStreamOperator<OUT> implements StreamOperator<OUT> {
  protected OperatorSetup<OUT> setup;
  protected Output<OUT> output;

  /** Whether the operator runs on a keyed stream (has a key selector and keyed state). */
  protected boolean keyed;

  /** The last watermark this operator received (Long.MIN_VALUE before the first). */
  protected long currentWatermark = Long.MIN_VALUE;

  private InternalTimerService<?> timerService;

  @Override
  public void setup(OperatorSetup<OUT> setup) {
    this.setup = setup;
    this.output = setup.output();
    this.keyed = setup.keySelector() != null && setup.keyedStateBackend() != null;
  }

  /** What this operator restored from (NONE on a fresh start). */
  protected RestoredState restoredState = RestoredState.NONE;

  @Override
  public void initializeState(RestoredState restored) throws Exception {
    this.restoredState = restored;
    initializeKeyedState(restored);
    initializeOperatorState(restored);
    initializeFunctionState(restored);
  }

  @Override
  public void open() throws Exception {}

  @Override
  public OperatorSnapshot snapshotState(long checkpointId, long timestamp) throws Exception {
    snapshotFunctionState(checkpointId, timestamp);
    StateWriter keyedState = snapshotKeyedState(checkpointId);
    StateWriter operatorState = snapshotOperatorState(checkpointId);
    return new OperatorSnapshot(
        keyedState,
        keyedState == null ? null : setup.keyedStateBackend().getKeyGroupRange(),
        operatorState);
  }

  // ---- keyed state and timers ----

  /**
   * Hands the keyed state files to the keyed backend, which restores each state when it is
   * registered (user functions register theirs in open() or later) and the timers when the timer
   * service is created.
   */
  protected void initializeKeyedState(RestoredState restored) throws Exception {
    if (restored.keyedStateFiles().isEmpty()) {
      return;
    }
    if (setup.keyedStateBackend() == null) {
      throw new IllegalStateException(
          setup.description()
              + " is not keyed but is restored with keyed state "
              + restored.keyedStateFiles());
    }
    setup.keyedStateBackend().restore(restored.keyedStateFiles());
  }

  /**
   * The keyed state and timers of this operator, or null if it has none. The task thread only
   * freezes the slots of the states and the timers; the writer serializes them while the task goes
   * on, copying stored objects before it changes them (see {@link
   * io.eddy.runtime.state.heap.HeapKeyedStateSnapshot}).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  protected StateWriter snapshotKeyedState(long checkpointId) throws Exception {
    KeyedStateBackend backend = setup.keyedStateBackend();
    if (backend == null) {
      return null;
    }
    Map<String, KeyGroupedTimerQueue<?>> queues =
        timerService == null
            ? Map.of()
            : Map.of(
                InternalTimerService.EVENT_TIME_QUEUE, timerService.eventTimeTimers(),
                InternalTimerService.PROCESSING_TIME_QUEUE, timerService.processingTimeTimers());
    return backend.snapshot((Map) queues);
  }

  // ---- operator (non-keyed) state ----

  private OperatorStateBackend operatorStateBackend;

  /**
   * Builds the operator state store from the restored operator state files: this subtask's share of
   * every state is read now and given to the state when it is registered.
   */
  protected void initializeOperatorState(RestoredState restored) throws Exception {
    int index = setup.runtimeContext().getIndexOfThisSubtask();
    operatorStateBackend =
        setup
            .stateBackend()
            .createOperatorStateBackend(
                restored, index, setup.runtimeContext().getNumberOfParallelSubtasks());
  }

  /** The operator state of this operator, or null if it has none. */
  protected StateWriter snapshotOperatorState(long checkpointId) throws Exception {
    return operatorStateBackend == null ? null : operatorStateBackend.snapshot();
  }

  /**
   * The operator (non-keyed) state of this operator instance, where functions, connectors and the
   * broadcast state pattern register their states. Created empty if the operator runs without
   * {@link #initializeState} (as in tests that only set up and open it).
   */
  protected OperatorStateBackend operatorStateBackend() {
    if (operatorStateBackend == null) {
      try {
        operatorStateBackend =
            setup
                .stateBackend()
                .createOperatorStateBackend(
                    RestoredState.NONE,
                    setup.runtimeContext().getIndexOfThisSubtask(),
                    setup.runtimeContext().getNumberOfParallelSubtasks());
      } catch (IOException e) {
        throw new UncheckedIOException(e); // nothing is read for an empty backend
      }
    }
    return operatorStateBackend;
  }

  // ---- state of user functions and connectors (CheckpointedFunction, source readers, sinks) ----

  /** Lets the operator's function or connector register and read its restored state. */
  protected void initializeFunctionState(RestoredState restored) throws Exception {}

  /** Lets the operator's function or connector write its state before the snapshot is taken. */
  protected void snapshotFunctionState(long checkpointId, long timestamp) throws Exception {}

  @Override
  public void finish() throws Exception {}

  @Override
  public void close() throws Exception {}

  /** Fires the event-time timers the watermark passes, then forwards it. */
  public void processWatermark(WatermarkElement watermark) throws Exception {
    currentWatermark = watermark.getTimestamp();
    if (timerService != null) {
      timerService.advanceWatermark(watermark.getTimestamp());
    }
    output.emitWatermark(watermark);
  }

  public void processWatermarkStatus(WatermarkStatus status) throws Exception {
    output.emitWatermarkStatus(status);
  }

  /**
   * Creates this keyed operator's timer service (once, in open); timers fire into {@code target}
   * with their key set as the current key.
   *
   * @throws IllegalStateException if the operator is not keyed
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  protected <K> InternalTimerService<K> createTimerService(Triggerable<K> target) {
    KeyedStateBackend backend = setup.keyedStateBackend();
    if (backend == null) {
      throw new IllegalStateException(
          "Timers need a keyed stream, but " + setup.description() + " is not keyed.");
    }
    if (timerService != null) {
      throw new IllegalStateException("The timer service of " + setup.description() + " exists.");
    }
    InternalTimerService<K> service =
        new InternalTimerService<>(
            backend.getKeyGroupRange(),
            setup.runtimeContext().getMaxNumberOfParallelSubtasks(),
            setup.processingTimeService(),
            target,
            backend);
    // restored timers wait in the backend until now: their queues did not exist before
    backend.restoreTimers(InternalTimerService.EVENT_TIME_QUEUE, service.eventTimeTimers());
    if (backend.restoreTimers(
        InternalTimerService.PROCESSING_TIME_QUEUE, service.processingTimeTimers())) {
      service.scheduleEarliestProcessingTimer();
    }
    timerService = service;
    return service;
  }

  /**
   * For keyed operators: makes the record's key the current key of the state backend, and returns
   * it.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  protected Object setKeyContext(Object value) {
    Object key;
    try {
      key = ((KeySelector) setup.keySelector()).getKey(value);
    } catch (Exception e) {
      throw userError(e);
    }
    ((KeyedStateBackend) setup.keyedStateBackend()).setCurrentKey(key);
    return key;
  }

  /** Wraps a user function's exception so the job's error names this operator and subtask. */
  protected RuntimeException userError(Exception e) {
    if (e instanceof UserCodeException u) {
      return u; // thrown further down the chain: already names its operator
    }
    return new UserCodeException(setup.description(), e);
  }
}
