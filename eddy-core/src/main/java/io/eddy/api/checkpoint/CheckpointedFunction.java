package io.eddy.api.checkpoint;

import io.eddy.api.annotation.Public;

/**
 * A function with state of its own that takes part in checkpoints: it registers its state in {@link
 * #initializeState} (before {@code open}, restoring it after a failure or from a savepoint) and
 * brings that state up to date in {@link #snapshotState} when a checkpoint is taken. Both run on
 * the task thread, never concurrently with the processing of records.
 */
@Public
public interface CheckpointedFunction {
  /** Called when a checkpoint is taken; write what the state must hold into it. */
  void snapshotState(FunctionSnapshotContext context) throws Exception;

  /** Called once before {@code open}: register operator and keyed state, read restored values. */
  void initializeState(FunctionInitializationContext context) throws Exception;
}
