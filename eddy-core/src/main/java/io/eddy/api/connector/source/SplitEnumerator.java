package io.eddy.api.connector.source;

import io.eddy.api.annotation.Public;
import java.util.List;

/**
 * Discovers splits and assigns them to readers. Runs on the JobManager; every method is called from
 * one coordinator thread, so implementations need no locking.
 */
@Public
public interface SplitEnumerator<SplitT extends SourceSplit, CheckpointT> extends AutoCloseable {

  void start();

  /** Reader {@code subtaskId} has no split left and asks for one. */
  void handleSplitRequest(int subtaskId);

  /** Splits assigned to a reader that failed before a checkpoint covered them come back. */
  void addSplitsBack(List<SplitT> splits, int subtaskId);

  /** A reader registered (at start, or after a restart). */
  void addReader(int subtaskId);

  CheckpointT snapshotState(long checkpointId) throws Exception;

  default void notifyCheckpointComplete(long checkpointId) throws Exception {}

  @Override
  default void close() throws Exception {}
}
