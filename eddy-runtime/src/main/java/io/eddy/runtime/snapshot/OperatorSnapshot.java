package io.eddy.runtime.snapshot;

/**
 * What one operator instance contributes to a checkpoint. It is taken on the task thread (the
 * synchronous part, which must copy or freeze whatever the writers read) and written to state files
 * by another thread while the task goes on processing (the asynchronous part).
 *
 * @param keyedState writes the keyed state and timers (format of {@code KeyedStateSnapshotFormat}),
 *     or null if the operator has no keyed state
 * @param keyGroups the key groups {@code keyedState} covers; ignored if it is null
 * @param operatorState writes the operator (non-keyed) state, or null if there is none
 */
public record OperatorSnapshot(
    StateWriter keyedState, KeyGroupRange keyGroups, StateWriter operatorState) {
  public static final OperatorSnapshot EMPTY = new OperatorSnapshot(null, null, null);

  public boolean isEmpty() {
    return keyedState == null && operatorState == null;
  }

  /** Releases the writers ({@link StateWriter#release}): after writing, or when abandoned. */
  public void release() {
    if (keyedState != null) {
      keyedState.release();
    }
    if (operatorState != null) {
      operatorState.release();
    }
  }

  /** Releases every snapshot of {@code snapshots} (null elements are skipped). */
  public static void releaseAll(OperatorSnapshot[] snapshots) {
    for (OperatorSnapshot snapshot : snapshots) {
      if (snapshot != null) {
        snapshot.release();
      }
    }
  }
}
