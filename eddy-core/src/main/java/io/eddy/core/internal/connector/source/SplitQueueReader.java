package io.eddy.core.internal.connector.source;

import io.eddy.api.annotation.Internal;
import io.eddy.api.connector.source.InputStatus;
import io.eddy.api.connector.source.ReaderOutput;
import io.eddy.api.connector.source.SourceReader;
import io.eddy.api.connector.source.SourceReaderContext;
import io.eddy.api.connector.source.SourceSplit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A reader that reads its splits one after the other through a {@link SplitCursor}, for sources
 * whose records can be produced synchronously and quickly (number ranges, generators, local files,
 * in-memory elements).
 *
 * <p>Each {@link #pollNext} emits at most one batch. When the reader has no split left it sends one
 * split request (one per need, not one per poll), returns {@link InputStatus#NOTHING_AVAILABLE} and
 * leaves {@link #isAvailable()} uncompleted until {@link #addSplits} or {@link #notifyNoMoreSplits}
 * arrives. With a {@link RateLimiter}, a poll without permits returns NOTHING_AVAILABLE with a
 * future that the {@link SourceTimer} completes when the next permit is due, so the task thread
 * never sleeps.
 *
 * <p>Threading: every method runs on the task thread, as {@link SourceReader} specifies; only the
 * timer thread completes futures.
 *
 * @param <T> the record type
 * @param <SplitT> the split type
 */
@Internal
public abstract class SplitQueueReader<T, SplitT extends SourceSplit>
    implements SourceReader<T, SplitT> {

  /** Records emitted per {@link #pollNext} unless a subclass chooses otherwise. */
  public static final int DEFAULT_BATCH_SIZE = 512;

  private final SourceReaderContext context;
  private final int batchSize;
  private final RateLimiter rateLimiter;
  private final ArrayDeque<SplitT> pendingSplits = new ArrayDeque<>();

  private SplitCursor<T, SplitT> current;
  private boolean splitRequested;
  private boolean noMoreSplits;
  private CompletableFuture<Void> available = CompletableFuture.completedFuture(null);

  /**
   * @param context the reader context, used to request splits
   * @param batchSize the maximum number of records per {@link #pollNext}
   * @param rateLimiter limits the records per second of this reader, or null for no limit
   */
  protected SplitQueueReader(SourceReaderContext context, int batchSize, RateLimiter rateLimiter) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
    }
    this.context = context;
    this.batchSize = batchSize;
    this.rateLimiter = rateLimiter;
  }

  /** Opens a cursor at the split's position. Called on the task thread. */
  protected abstract SplitCursor<T, SplitT> openCursor(SplitT split) throws Exception;

  @Override
  public void start() throws Exception {}

  @Override
  public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
    if (current == null) {
      SplitT next = pendingSplits.poll();
      if (next == null) {
        return waitForSplitsOrEnd();
      }
      current = openCursor(next);
    }
    int budget = batchSize;
    if (rateLimiter != null) {
      budget = rateLimiter.tryAcquire(batchSize);
      if (budget == 0) {
        available = SourceTimer.completeAfter(rateLimiter.nanosUntilNextPermit());
        return InputStatus.NOTHING_AVAILABLE;
      }
    }
    int emitted = current.emit(output, budget);
    if (emitted < budget) {
      if (rateLimiter != null) {
        rateLimiter.release(budget - emitted);
      }
      SplitCursor<T, SplitT> finished = current;
      current = null;
      finished.close();
      if (pendingSplits.isEmpty()) {
        return waitForSplitsOrEnd();
      }
    }
    return InputStatus.MORE_AVAILABLE;
  }

  private InputStatus waitForSplitsOrEnd() {
    if (noMoreSplits) {
      return InputStatus.END_OF_INPUT;
    }
    // The future is replaced before the request goes out, so that an answer arriving at once
    // completes the new future rather than being lost.
    if (available.isDone()) {
      available = new CompletableFuture<>();
    }
    if (!splitRequested) {
      splitRequested = true;
      context.sendSplitRequest();
    }
    return InputStatus.NOTHING_AVAILABLE;
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    return available;
  }

  @Override
  public void addSplits(List<SplitT> splits) {
    pendingSplits.addAll(splits);
    splitRequested = false;
    available.complete(null);
  }

  @Override
  public void notifyNoMoreSplits() {
    noMoreSplits = true;
    available.complete(null);
  }

  @Override
  public List<SplitT> snapshotState(long checkpointId) {
    List<SplitT> state = new ArrayList<>(pendingSplits.size() + 1);
    SplitT remainder = current == null ? null : current.remainder();
    if (remainder != null) {
      state.add(remainder);
    }
    state.addAll(pendingSplits);
    return state;
  }

  @Override
  public void close() throws Exception {
    if (current != null) {
      SplitCursor<T, SplitT> open = current;
      current = null;
      open.close();
    }
  }
}
