package io.eddy.runtime.snapshot;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the bytes of one state file to a stream (for example {@code snapshot::writeTo}). A state
 * backend makes one on the task thread when it takes a snapshot; the checkpoint I/O thread calls
 * {@link #writeTo} once, into the stream a {@code CheckpointStreamFactory} opened, while the task
 * goes on processing.
 */
@FunctionalInterface
public interface StateWriter {
  /** Writes the whole state; called once, on the checkpoint I/O thread. */
  void writeTo(OutputStream out) throws IOException;

  /**
   * Called once the writer is no longer needed, written or not (the checkpoint failed or was
   * abandoned), so it can free what it holds for writing. Idempotent; any thread.
   */
  default void release() {}
}
