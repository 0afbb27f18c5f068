package io.eddy.runtime.ha;

import java.time.Duration;
import java.util.function.Consumer;

/** Follows the leader's published {@link LeaderInfo}: for TaskManagers and clients. */
public interface LeaderRetrieval extends AutoCloseable {
  /**
   * Calls {@code listener} with the current leader, then with every new one (null while there is
   * none), from one thread of the retrieval's own, one call at a time.
   */
  void start(Consumer<LeaderInfo> listener);

  /**
   * The leader now, waiting up to {@code timeout} for one to be published.
   *
   * @throws IllegalStateException naming the cluster if none is published within the timeout
   */
  LeaderInfo awaitLeader(Duration timeout);

  @Override
  void close();
}
