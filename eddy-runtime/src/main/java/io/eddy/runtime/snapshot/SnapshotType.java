package io.eddy.runtime.snapshot;

/** What a snapshot is for; travels with the trigger and the barriers. */
public enum SnapshotType {
  /** A periodic checkpoint, owned and deleted by the job. */
  CHECKPOINT,
  /** A savepoint: copied to a directory of the user's, which the job never deletes. */
  SAVEPOINT,
  /** The savepoint of stop-with-savepoint: sources emit nothing after its barrier. */
  SAVEPOINT_STOP,
  /**
   * Stop-with-savepoint with drain: sources first advance event time to the end (every timer and
   * window fires), then emit nothing after the barrier.
   */
  SAVEPOINT_DRAIN;

  private static final SnapshotType[] VALUES = values();

  public boolean isSavepoint() {
    return this != CHECKPOINT;
  }

  public boolean stopsSources() {
    return this == SAVEPOINT_STOP || this == SAVEPOINT_DRAIN;
  }

  public static SnapshotType fromOrdinal(int ordinal) {
    if (ordinal < 0 || ordinal >= VALUES.length) {
      throw new IllegalStateException("Corrupt stream: unknown snapshot type " + ordinal);
    }
    return VALUES[ordinal];
  }
}
