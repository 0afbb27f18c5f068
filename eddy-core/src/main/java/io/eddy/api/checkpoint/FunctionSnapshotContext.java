package io.eddy.api.checkpoint;

import io.eddy.api.annotation.Public;

/** The checkpoint being taken. */
@Public
public interface FunctionSnapshotContext {
  long getCheckpointId();

  /** When the checkpoint was triggered, in milliseconds since the epoch. */
  long getCheckpointTimestamp();
}
