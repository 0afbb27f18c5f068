package io.eddy.runtime.ha;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * {@code high-availability.type: none}: the JobManager leads from its start, under one session id,
 * and nothing outlives it: no job is stored, checkpoint ids are counted in memory, and restores
 * read the checkpoint storage's own listing. There is no one to retrieve a leader from: clients and
 * TaskManagers are given the JobManager's address.
 */
public final class NoHighAvailabilityServices implements HighAvailabilityServices {
  @Override
  public boolean isHighlyAvailable() {
    return false;
  }

  @Override
  public LeaderElection leaderElection() {
    return new LeaderElection() {
      private final String session = UUID.randomUUID().toString();

      @Override
      public void start(LeaderContender contender) {
        contender.grantLeadership(session);
      }

      @Override
      public boolean publish(LeaderInfo info) {
        return session.equals(info.sessionId());
      }

      @Override
      public boolean hasLeadership(String sessionId) {
        return session.equals(sessionId);
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public LeaderRetrieval leaderRetrieval() {
    return new LeaderRetrieval() {
      @Override
      public void start(Consumer<LeaderInfo> listener) {
        throw new IllegalStateException(
            "Without high availability there is no leader to follow: give the JobManager's"
                + " address.");
      }

      @Override
      public LeaderInfo awaitLeader(Duration timeout) {
        throw new IllegalStateException(
            "Without high availability there is no leader to look up: give the JobManager's"
                + " address.");
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public JobGraphStore jobGraphStore() {
    return JobGraphStore.NONE;
  }

  @Override
  public CheckpointIdCounter checkpointIdCounter(String jobId, long first) {
    return CheckpointIdCounter.inMemory(first);
  }

  @Override
  public CompletedCheckpointPointers completedCheckpoints(String jobId) {
    return CompletedCheckpointPointers.NONE;
  }

  @Override
  public void jobEnded(String jobId) {}

  @Override
  public String describe() {
    return "none";
  }

  @Override
  public void close() {}
}
