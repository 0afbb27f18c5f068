package io.eddy.runtime.ha;

/**
 * Elects one leader among the JobManagers of a cluster. {@link #start} enters the election; the
 * contender is told when it is granted and when it loses leadership. The leader then {@link
 * #publish}es its addresses, which {@link LeaderRetrieval} hands to TaskManagers and clients.
 */
public interface LeaderElection extends AutoCloseable {
  void start(LeaderContender contender);

  /**
   * Publishes the leader's addresses, if {@code info.sessionId()} is still the current leader
   * session; returns whether it was published.
   */
  boolean publish(LeaderInfo info);

  /** Whether this contender leads under {@code sessionId} now. */
  boolean hasLeadership(String sessionId);

  /** Leaves the election (a leader steps down). */
  @Override
  void close();
}
