package io.eddy.api.checkpoint;

/** The checkpoint being taken. */
public interface FunctionSnapshotContext {
  long getCheckpointId();

  /** When the checkpoint was triggered, in milliseconds since the epoch. */
  long getCheckpointTimestamp();
}
