package io.eddy.runtime.ha;

/**
 * What a JobManager needs to be one of several: an election, the leader's published addresses, the
 * stored jobs and, per job, its checkpoint id counter and latest completed checkpoint. Made by
 * {@link HighAvailabilityServicesFactory#load}; {@link NoHighAvailabilityServices} ({@code none})
 * keeps everything in the process. Thread-safe.
 */
public interface HighAvailabilityServices extends AutoCloseable {
  /** Whether the JobManager's state outlives it (false for {@code none}). */
  boolean isHighlyAvailable();

  /** The election this JobManager takes part in (one per JobManager process). */
  LeaderElection leaderElection();

  /** Follows the leader's published addresses. */
  LeaderRetrieval leaderRetrieval();

  JobGraphStore jobGraphStore();

  /** The checkpoint id counter of {@code jobId}, starting at {@code first} if it is new. */
  CheckpointIdCounter checkpointIdCounter(String jobId, long first);

  /** The pointers to {@code jobId}'s completed checkpoints. */
  CompletedCheckpointPointers completedCheckpoints(String jobId);

  /** The job ended: its counter and pointer are removed (a leader action; failures are logged). */
  void jobEnded(String jobId);

  /** For messages: e.g. "ZooKeeper at host:2181, /eddy/default". */
  String describe();

  @Override
  void close();
}
