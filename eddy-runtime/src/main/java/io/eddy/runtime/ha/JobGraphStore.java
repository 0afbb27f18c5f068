package io.eddy.runtime.ha;

import io.eddy.runtime.graph.JobGraph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The jobs a new leader must recover: every submitted job that has not ended, with its jars. The
 * dispatcher adds a job when it is submitted and removes it when it ended (finished, cancelled or
 * failed); both are leader actions a deposed leader cannot take. Thread-safe; calls block on I/O.
 */
public interface JobGraphStore {
  /** A stored job read back: its graph, read with a class loader over its stored jars. */
  record StoredJob(JobGraph jobGraph, ClassLoader classLoader, List<Path> jars) {}

  /**
   * Stores a submitted job and its jars.
   *
   * @throws LeadershipLostException if this JobManager no longer leads
   */
  void put(JobGraph jobGraph, List<Path> jars) throws IOException, LeadershipLostException;

  /** The ids of the stored jobs. */
  Set<String> jobIds() throws IOException;

  /** Reads a stored job; its classes load from its jars, then from {@code parent}. */
  StoredJob recover(String jobId, ClassLoader parent) throws IOException;

  /**
   * Removes an ended job and its jars.
   *
   * @throws LeadershipLostException if this JobManager no longer leads (the job stays stored)
   */
  void remove(String jobId) throws IOException, LeadershipLostException;

  /** Stores nothing: without HA a JobManager's jobs end with it. */
  JobGraphStore NONE =
      new JobGraphStore() {
        @Override
        public void put(JobGraph jobGraph, List<Path> jars) {}

        @Override
        public Set<String> jobIds() {
          return Set.of();
        }

        @Override
        public StoredJob recover(String jobId, ClassLoader parent) throws IOException {
          throw new IOException("No job is stored without high availability: " + jobId);
        }

        @Override
        public void remove(String jobId) {}
      };
}
