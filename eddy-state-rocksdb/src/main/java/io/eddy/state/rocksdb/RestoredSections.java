package io.eddy.state.rocksdb;

import io.eddy.api.common.state.StateDescriptor;
import io.eddy.runtime.snapshot.KeyGroupRange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a backend restored and no state or timer queue claimed yet: per state and timer queue, its
 * sections per key group of the backend's range, still serialized. A state is decoded into RocksDB
 * when it is registered; one never registered is carried over as it is into the next snapshots.
 * Task thread only.
 */
final class RestoredSections {
  /**
   * @param sections per key group index of the backend's range; null where no file had one
   * @param origin the files it came from, for messages
   */
  record Pending(StateMeta meta, byte[][] sections, String origin) {}

  private final Map<String, Pending> states = new LinkedHashMap<>();
  private final Map<String, Pending> timers = new LinkedHashMap<>();

  static RestoredSections of(List<SnapshotFile> files, KeyGroupRange range) throws IOException {
    RestoredSections restored = new RestoredSections();
    for (SnapshotFile file : files) {
      for (int s = 0; s < file.states.size(); s++) {
        Pending pending = restored.pending(restored.states, file.states.get(s), file, range);
        for (int g = 0; g < file.numLoadedKeyGroups(); g++) {
          int keyGroup = file.firstLoadedKeyGroup + g;
          pending.sections[keyGroup - range.start()] = file.stateSection(s, keyGroup);
        }
      }
      for (int q = 0; q < file.timerQueues.size(); q++) {
        StateMeta meta =
            new StateMeta(file.timerQueues.get(q), StateDescriptor.Type.VALUE, false, "", "");
        Pending pending = restored.pending(restored.timers, meta, file, range);
        for (int g = 0; g < file.numLoadedKeyGroups(); g++) {
          int keyGroup = file.firstLoadedKeyGroup + g;
          pending.sections[keyGroup - range.start()] = file.timerSection(q, keyGroup);
        }
      }
    }
    return restored;
  }

  private Pending pending(
      Map<String, Pending> map, StateMeta meta, SnapshotFile file, KeyGroupRange range)
      throws IOException {
    Pending existing = map.get(meta.name());
    if (existing == null) {
      Pending created = new Pending(meta, new byte[range.size()][], file.file);
      map.put(meta.name(), created);
      return created;
    }
    if (!existing.meta().equals(meta)) {
      throw new IOException(
          "Cannot restore keyed state from "
              + file.file
              + ": "
              + meta
              + " there but "
              + existing.meta()
              + " in "
              + existing.origin());
    }
    Pending merged =
        new Pending(existing.meta(), existing.sections(), existing.origin() + ", " + file.file);
    map.put(meta.name(), merged);
    return merged;
  }

  Pending claimState(String name) {
    return states.remove(name);
  }

  Pending claimTimers(String name) {
    return timers.remove(name);
  }

  List<Pending> unclaimedStates() {
    return new ArrayList<>(states.values());
  }

  List<Pending> unclaimedTimers() {
    return new ArrayList<>(timers.values());
  }
}
