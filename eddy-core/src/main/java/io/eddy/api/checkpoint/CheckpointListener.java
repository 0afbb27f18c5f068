package io.eddy.api.checkpoint;

import io.eddy.api.annotation.Public;

/**
 * Told when a checkpoint completed or was given up, for example to commit what a sink wrote up to
 * it. Notifications are best effort: a later checkpoint's completion may be the first one a
 * function hears of, so it must commit everything up to that checkpoint. Task thread.
 */
@Public
public interface CheckpointListener {
  void notifyCheckpointComplete(long checkpointId) throws Exception;

  default void notifyCheckpointAborted(long checkpointId) throws Exception {}
}
