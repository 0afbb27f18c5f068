package io.eddy.runtime.operators;

import io.eddy.runtime.operators.timers.InternalTimerService;
import io.eddy.runtime.operators.timers.Triggerable;
import io.eddy.runtime.streamrecord.Watermark;
import io.eddy.runtime.streamrecord.WatermarkStatus;

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

  @Override
  public void open() throws Exception {}

  @Override
  public void finish() throws Exception {}

  @Override
  public void close() throws Exception {}

  /** Fires the event-time timers the watermark passes, then forwards it. */
  public void processWatermark(Watermark watermark) throws Exception {
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
    io.eddy.runtime.state.HeapKeyedStateBackend backend = setup.keyedStateBackend();
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
            key -> backend.setCurrentKey(key));
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
      key = ((io.eddy.api.common.functions.KeySelector) setup.keySelector()).getKey(value);
    } catch (Exception e) {
      throw userError(e);
    }
    ((io.eddy.runtime.state.HeapKeyedStateBackend) setup.keyedStateBackend()).setCurrentKey(key);
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
