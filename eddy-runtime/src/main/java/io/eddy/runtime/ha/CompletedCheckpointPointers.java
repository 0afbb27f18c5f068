package io.eddy.runtime.ha;

import java.util.Optional;

/**
 * Where a job's latest completed checkpoint is: the authority a new leader restores from. A
 * checkpoint counts as completed (its subtasks are told, two-phase-commit sinks commit) only once
 * {@link #add} recorded it, which a deposed leader cannot do. JobMaster main thread; may block
 * briefly.
 */
public interface CompletedCheckpointPointers {
  /** A completed checkpoint: its id and the location of its directory. */
  record Pointer(long checkpointId, String location) {}

  /**
   * Records {@code pointer} as the latest completed checkpoint.
   *
   * @throws LeadershipLostException if this JobManager no longer leads: the checkpoint must not
   *     count as completed
   */
  void add(Pointer pointer) throws LeadershipLostException;

  /** The latest recorded checkpoint, if any (and if this implementation records them). */
  Optional<Pointer> latest();

  /** Whether this store is the authority (HA): restores use {@link #latest()} only. */
  boolean isAuthoritative();

  /** Records nothing; the checkpoint storage's own listing is what restores use. */
  CompletedCheckpointPointers NONE =
      new CompletedCheckpointPointers() {
        @Override
        public void add(Pointer pointer) {}

        @Override
        public Optional<Pointer> latest() {
          return Optional.empty();
        }

        @Override
        public boolean isAuthoritative() {
          return false;
        }
      };
}
