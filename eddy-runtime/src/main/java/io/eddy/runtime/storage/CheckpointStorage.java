package io.eddy.runtime.storage;

import io.eddy.runtime.snapshot.StateFileHandle;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * The JobManager's side of one job's checkpoints: it starts attempts, completes them by writing
 * their metadata atomically, finds the latest restorable one, retains the last N and discards the
 * rest, and copies a completed checkpoint into a savepoint. Tasks write their state files through a
 * {@link CheckpointStreamFactory} of the same storage.
 *
 * <p>Made by a {@link CheckpointStorageFactory} for a root location ({@code file:}, a plain path,
 * or another URI scheme a factory accepts); see {@link CheckpointStorages}. Every location it
 * returns is a string in the same scheme.
 *
 * <p>Threading: not thread-safe; one caller at a time (the JobMaster's main thread, or the
 * checkpoint coordinator it owns). Calls block on I/O.
 */
public interface CheckpointStorage {
  /** The job's checkpoint directory, for messages. */
  String jobLocation();

  /** The root location tasks are given to make their {@link CheckpointStreamFactory}. */
  String rootLocation();

  /**
   * Starts checkpoint attempt {@code checkpointId}: from now on its subtasks may write state files.
   * An already completed checkpoint of that id is an error.
   */
  void initCheckpoint(long checkpointId) throws IOException;

  /**
   * Completes a checkpoint: writes its metadata so that it is either absent or whole. Every state
   * file it names must have been written. Returns the completed checkpoint's location.
   */
  String completeCheckpoint(CheckpointMetadata metadata) throws IOException;

  /**
   * Reads the metadata of a completed checkpoint; unreadable metadata is a {@link
   * CorruptCheckpointMetadataException} naming it.
   */
  CheckpointMetadata readMetadata(CheckpointLocation checkpoint) throws IOException;

  /** The completed checkpoints, oldest first. */
  List<CheckpointLocation> listCompleted() throws IOException;

  /**
   * The newest completed checkpoint whose metadata reads, with its metadata; unreadable newer ones
   * are skipped with a warning. Empty if there is none.
   */
  default Optional<RestorableCheckpoint> latestRestorable() throws IOException {
    List<CheckpointLocation> completed = listCompleted();
    for (int i = completed.size() - 1; i >= 0; i--) {
      CheckpointLocation checkpoint = completed.get(i);
      try {
        return Optional.of(new RestorableCheckpoint(checkpoint, readMetadata(checkpoint)));
      } catch (CorruptCheckpointMetadataException e) {
        LoggerFactory.getLogger(CheckpointStorage.class)
            .warn("{}; falling back to an older checkpoint", e.getMessage());
      }
    }
    return Optional.empty();
  }

  /** Deletes all but the newest {@code count} completed checkpoints; returns the deleted ids. */
  List<Long> retainLast(int count) throws IOException;

  /**
   * Deletes the attempts that never completed, except those still in progress; returns the deleted
   * ids.
   */
  List<Long> deleteFailedAttempts(Set<Long> inProgress) throws IOException;

  /** Deletes one attempt (an aborted checkpoint). */
  void discardAttempt(long checkpointId) throws IOException;

  /**
   * Deletes one attempt and the state files its subtasks acknowledged, wherever they are (files
   * spread outside the checkpoint directory too).
   */
  default void discardAttempt(long checkpointId, List<StateFileHandle> written) throws IOException {
    discardAttempt(checkpointId);
  }

  /** Deletes all of the job's checkpoints (the job ended and keeps none). */
  void discardAll() throws IOException;

  /**
   * Copies completed checkpoint {@code checkpointId} into a new savepoint directory under {@code
   * targetDirectory}, which outlives the job; its metadata names its files relative to itself.
   * Returns the savepoint's location.
   */
  String copyToSavepoint(long checkpointId, String targetDirectory) throws IOException;

  /** A completed checkpoint whose metadata was read. */
  record RestorableCheckpoint(CheckpointLocation checkpoint, CheckpointMetadata metadata) {
    /** The location of one of its state files. */
    public String stateFileLocation(StateFileHandle file) {
      return StateLocations.location(checkpoint.location(), file);
    }
  }
}
