package io.eddy.core.internal.connector.source;

import io.eddy.api.annotation.Internal;
import io.eddy.api.connector.source.ReaderOutput;

/**
 * Reads the records of one split, in order, from a position that can be snapshotted. Used by {@link
 * SplitQueueReader} on the task thread only.
 *
 * @param <T> the record type
 * @param <SplitT> the split type
 */
@Internal
public interface SplitCursor<T, SplitT> extends AutoCloseable {

  /**
   * Emits up to {@code max} records (max &gt; 0) and returns how many it emitted. Returning fewer
   * than {@code max} means that the split is exhausted. May block only briefly (local I/O).
   */
  int emit(ReaderOutput<T> output, int max) throws Exception;

  /**
   * The split as far as it has not been read yet (restoring it resumes after the last record
   * emitted), or null if nothing is left.
   */
  SplitT remainder();

  @Override
  default void close() throws Exception {}
}
