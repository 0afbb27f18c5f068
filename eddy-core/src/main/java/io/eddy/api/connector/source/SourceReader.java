package io.eddy.api.connector.source;

import io.eddy.api.annotation.Public;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the splits assigned to one parallel subtask of a source.
 *
 * <p>Threading and blocking: every method is called on the task thread and must not block for long.
 * {@link #pollNext} emits at most a small batch and returns; a reader waiting for I/O returns
 * {@link InputStatus#NOTHING_AVAILABLE} and completes the future from {@link #isAvailable()} when
 * data arrives (typically from a fetcher thread of its own).
 *
 * <p>Order of calls: {@link #start} once; then any interleaving of {@link #pollNext}, {@link
 * #addSplits}, {@link #notifyNoMoreSplits} and {@link #snapshotState}; then {@link #close}. A
 * reader that runs out of splits calls {@link SourceReaderContext#sendSplitRequest()} to ask for
 * more; it returns {@link InputStatus#END_OF_INPUT} only after {@link #notifyNoMoreSplits} and when
 * all its splits are done.
 */
@Public
public interface SourceReader<T, SplitT extends SourceSplit> extends AutoCloseable {

  void start() throws Exception;

  InputStatus pollNext(ReaderOutput<T> output) throws Exception;

  /** Completes when {@link #pollNext} may have something; completed if it has now. */
  CompletableFuture<Void> isAvailable();

  void addSplits(List<SplitT> splits);

  /** The enumerator has no more splits for this reader. */
  void notifyNoMoreSplits();

  /** The splits this reader owns, with their current positions, for a checkpoint. */
  List<SplitT> snapshotState(long checkpointId);

  /** Called when a checkpoint completed; readers may commit offsets here. */
  default void notifyCheckpointComplete(long checkpointId) throws Exception {}
}
