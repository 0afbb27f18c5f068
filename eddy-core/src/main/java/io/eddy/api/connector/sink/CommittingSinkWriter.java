package io.eddy.api.connector.sink;

import io.eddy.api.annotation.Public;
import java.io.IOException;
import java.util.Collection;

/**
 * The writer of a two-phase committing sink: before each checkpoint it hands over what the {@link
 * Committer} is to make visible once that checkpoint completes (the first phase).
 */
@Public
public interface CommittingSinkWriter<T, CommT> extends SinkWriter<T> {
  /**
   * Called on the task thread when a checkpoint's barrier arrives, before {@link
   * StatefulSinkWriter#snapshotState}: returns the data written so far that is ready to commit.
   */
  Collection<CommT> prepareCommit() throws IOException, InterruptedException;
}
