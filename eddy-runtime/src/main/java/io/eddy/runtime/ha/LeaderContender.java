package io.eddy.runtime.ha;

/**
 * A JobManager taking part in a {@link LeaderElection}. Both calls come from the election's own
 * thread, one at a time; they must not block for long.
 */
public interface LeaderContender {
  /** This contender leads from now on, under the new {@code sessionId}. */
  void grantLeadership(String sessionId);

  /**
   * This contender no longer leads (another one was elected, or the connection to the coordination
   * service was suspended or lost): it must stop acting as leader at once.
   */
  void revokeLeadership();
}
