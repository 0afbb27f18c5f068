package io.eddy.connector.base;

import io.eddy.api.annotation.PublicEvolving;

/**
 * The blocking part of a connector's reader: connects to the external system and reads from it,
 * handing each element to a {@link FetchOutput}. A {@link SplitFetcher} runs it on a thread of its
 * own, so the task thread never blocks on I/O.
 *
 * <p>Threading: {@link #run} is called once, on the fetcher thread, and may block (on the network,
 * or in {@link FetchOutput#emit} while the reader is behind). {@link #cancel} is called from
 * another thread when the fetcher closes; it must make a blocked {@link #run} return (close a
 * socket, wake a client up). The fetcher thread is also interrupted.
 *
 * @param <E> the elements it reads
 */
@PublicEvolving
public interface FetchTask<E> {
  /**
   * Reads until the input ends (return) or fails (throw). After {@link FetchOutput#isClosed()}
   * turns true, what it throws is ignored.
   */
  void run(FetchOutput<E> output) throws Exception;

  /** Unblocks a {@link #run} in progress; called at most once, from the closing thread. */
  default void cancel() {}
}
