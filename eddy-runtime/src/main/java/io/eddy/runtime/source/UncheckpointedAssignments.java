package io.eddy.runtime.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The splits an enumerator assigned to each reader that no completed checkpoint covers yet: what a
 * reader that restarts alone (its region failed, the rest of the job runs on) would lose, since its
 * restored state holds only the splits it had at the restored checkpoint, and the enumerator's
 * state no longer holds them either.
 *
 * <p>An assignment made before the coordinator's snapshot for checkpoint {@code n} reached the
 * reader before the reader's own part of {@code n} (see {@link SourceCoordinator}), so once {@code
 * n} completes those assignments are in the reader's checkpointed state and are forgotten here.
 *
 * <pre>
 * assigned ─▶ since last snapshot ─▶ (snapshot n) before n ─▶ (n or a later one completes) forgotten
 *                  └──────────────────────┴──▶ (the reader restarts) taken back to the enumerator
 * </pre>
 *
 * <p>Not thread-safe: the coordinator thread owns it.
 */
final class UncheckpointedAssignments<SplitT> {
  private Map<Integer, List<SplitT>> sinceLastSnapshot = new HashMap<>();
  private final TreeMap<Long, Map<Integer, List<SplitT>>> beforeCheckpoint = new TreeMap<>();

  /** The enumerator assigned {@code split} to reader {@code subtask}. */
  void assigned(int subtask, SplitT split) {
    sinceLastSnapshot.computeIfAbsent(subtask, k -> new ArrayList<>()).add(split);
  }

  /** The enumerator was snapshotted for {@code checkpointId}. */
  void snapshotTaken(long checkpointId) {
    if (!sinceLastSnapshot.isEmpty()) {
      beforeCheckpoint.put(checkpointId, sinceLastSnapshot);
      sinceLastSnapshot = new HashMap<>();
    }
  }

  /** Checkpoint {@code checkpointId} completed: it covers every assignment before its snapshot. */
  void checkpointCompleted(long checkpointId) {
    beforeCheckpoint.headMap(checkpointId, true).clear();
  }

  /**
   * Removes and returns, oldest first, the splits assigned to reader {@code subtask} since the
   * latest completed checkpoint.
   */
  List<SplitT> takeUncheckpointed(int subtask) {
    List<SplitT> splits = new ArrayList<>();
    for (Map<Integer, List<SplitT>> bySubtask : beforeCheckpoint.values()) {
      List<SplitT> s = bySubtask.remove(subtask);
      if (s != null) {
        splits.addAll(s);
      }
    }
    beforeCheckpoint.values().removeIf(Map::isEmpty);
    List<SplitT> recent = sinceLastSnapshot.remove(subtask);
    if (recent != null) {
      splits.addAll(recent);
    }
    return splits;
  }
}
