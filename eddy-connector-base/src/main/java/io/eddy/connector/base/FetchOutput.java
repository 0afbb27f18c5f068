package io.eddy.connector.base;

import io.eddy.api.annotation.PublicEvolving;

/**
 * Where a {@link FetchTask} puts what it read: a bounded queue between the fetcher thread and the
 * task thread. Fetcher thread only.
 *
 * @param <E> the elements
 */
@PublicEvolving
public interface FetchOutput<E> {
  /**
   * Queues {@code element} for the reader, blocking while the queue is full: a reader that falls
   * behind slows the fetcher down (backpressure).
   *
   * @throws InterruptedException if the fetcher is closed while this waits
   */
  void emit(E element) throws InterruptedException;

  /** Whether the fetcher was closed: stop reading (and do not retry). */
  boolean isClosed();
}
