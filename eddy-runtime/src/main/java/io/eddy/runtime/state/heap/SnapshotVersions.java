package io.eddy.runtime.state.heap;

import java.util.TreeSet;

/**
 * Numbers the snapshots of one {@link HeapKeyedStateBackend} and tracks which of them are still
 * being written, for copy-on-write in {@link StateMap}: an entry stored at version {@code v} is
 * shared with every snapshot of version {@code >= v} taken while it was stored, so it must be
 * copied before it changes in place as long as such a snapshot is in flight.
 *
 * <p>Snapshots start on the task thread ({@link #start}) and are released on any thread ({@link
 * #release}) once their writer has serialized what it needs. The task thread learns of releases
 * lazily, through {@link #highestInFlight()}, only when it finds an entry that may be shared.
 */
final class SnapshotVersions {
  /** {@link #highestInFlight()} when no snapshot is in flight; lower than every entry version. */
  static final int NONE = -1;

  /** Version of the latest snapshot; entries start at version 0, snapshots at 1. */
  private int latest;

  private final TreeSet<Integer> inFlight = new TreeSet<>();
  private volatile int highestInFlight = NONE;

  /** Starts a snapshot and returns its version (task thread). */
  synchronized int start() {
    int version = ++latest;
    inFlight.add(version);
    highestInFlight = version;
    return version;
  }

  /** Ends snapshot {@code version}: its entries need no protection from it any more. Any thread. */
  synchronized void release(int version) {
    if (inFlight.remove(version)) {
      highestInFlight = inFlight.isEmpty() ? NONE : inFlight.last();
    }
  }

  /** The version of the newest snapshot still in flight, or {@link #NONE}. Any thread. */
  int highestInFlight() {
    return highestInFlight;
  }
}
