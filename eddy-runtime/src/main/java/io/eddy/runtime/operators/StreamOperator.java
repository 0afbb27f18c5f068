package io.eddy.runtime.operators;

import io.eddy.runtime.snapshot.OperatorSnapshot;
import io.eddy.runtime.snapshot.RestoredState;

/**
 * An operator of a task's chain. The runtime owns operators; users write functions.
 *
 * <p>Lifecycle, all on the task thread:
 *
 * <pre>
 * setup ─▶ initializeState ─▶ open ─▶ (processElement | processWatermark | mails)* ─▶ finish ─▶ close
 *                                      └────────── failure/cancel ──────────▶ close
 * </pre>
 *
 * {@code open} runs tail-first so downstream operators are ready before the head emits; {@code
 * finish} runs head-first after the end of input and may still emit (flushing buffered results);
 * {@code close} always runs and releases resources.
 *
 * <p>Checkpoints: {@link #snapshotState} runs on the task thread between two records when the
 * checkpoint's barrier reached the operator; {@link #notifyCheckpointComplete} when the JobManager
 * completed that checkpoint (it may be skipped for a checkpoint if a later one completes).
 */
public interface StreamOperator<OUT> {
  void setup(OperatorSetup<OUT> setup);

  /** Restores the operator's state before {@link #open}; {@code restored} may be NONE. */
  default void initializeState(RestoredState restored) throws Exception {}

  void open() throws Exception;

  /**
   * A checkpoint's barrier is about to leave the task: emit what is buffered without being state,
   * so that it travels ahead of the barrier. Runs for every operator of the chain, head first,
   * before any {@link #snapshotState}.
   */
  default void prepareSnapshotPreBarrier(long checkpointId) throws Exception {}

  /**
   * The synchronous part of a checkpoint: returns writers over a frozen copy of the state, which
   * another thread runs while the task goes on.
   */
  default OperatorSnapshot snapshotState(long checkpointId, long timestamp) throws Exception {
    return OperatorSnapshot.EMPTY;
  }

  default void notifyCheckpointComplete(long checkpointId) throws Exception {}

  default void notifyCheckpointAborted(long checkpointId) throws Exception {}

  /** The input has ended; emit whatever is still buffered. */
  void finish() throws Exception;

  void close() throws Exception;
}
