package io.eddy.runtime.state.heap;

import io.eddy.api.common.state.StateDescriptor;
import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.state.SnapshotStateMetaInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The restored keyed state of a backend that is not claimed yet: for each state and timer queue
 * named in the restore files, its sections per key group of the backend's range, still serialized.
 * A state is decoded when the operator registers it (then it leaves this set); whatever is never
 * registered is carried over verbatim into the backend's snapshots, so a lazily restored state is
 * not lost by a checkpoint taken before its registration. Task thread only.
 */
final class RestoredKeyGroups {
  /**
   * One state of the restore files.
   *
   * @param sections per key group index of the backend's range; null where no file had one
   * @param origin the files it comes from, for error messages
   */
  record Pending(SnapshotStateMetaInfo meta, byte[][] sections, String origin) {}

  private final Map<String, Pending> states = new LinkedHashMap<>();
  private final Map<String, Pending> timers = new LinkedHashMap<>();

  /**
   * Gathers the sections of {@code files} for the key groups of {@code range}. A state in several
   * files must be recorded alike in all of them.
   */
  static RestoredKeyGroups of(List<KeyedStateFile> files, KeyGroupRange range) throws IOException {
    RestoredKeyGroups restored = new RestoredKeyGroups();
    for (KeyedStateFile file : files) {
      for (int s = 0; s < file.states.size(); s++) {
        Pending pending = restored.pending(restored.states, file.states.get(s), file, range);
        for (int g = 0; g < file.numLoadedKeyGroups(); g++) {
          int keyGroup = file.firstLoadedKeyGroup + g;
          pending.sections[keyGroup - range.start()] = file.stateSection(s, keyGroup);
        }
      }
      for (int q = 0; q < file.timerQueues.size(); q++) {
        // timer queues have no serializers of their own: a name-only meta info
        SnapshotStateMetaInfo meta =
            new SnapshotStateMetaInfo(
                file.timerQueues.get(q), StateDescriptor.Type.VALUE, false, "", "");
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
      Map<String, Pending> map,
      SnapshotStateMetaInfo meta,
      KeyedStateFile file,
      KeyGroupRange range)
      throws IOException {
    Pending existing = map.get(meta.name());
    if (existing == null) {
      Pending created = new Pending(meta, new byte[range.size()][], file.file.toString());
      map.put(meta.name(), created);
      return created;
    }
    if (!existing.meta().equals(meta)) {
      throw new IOException(
          "Cannot restore keyed state from "
              + file.file
              + ": state '"
              + meta.name()
              + "' is "
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

  /** Removes and returns the state named {@code name}, or null if there is none. */
  Pending claimState(String name) {
    return states.remove(name);
  }

  /** Removes and returns the timer queue named {@code name}, or null if there is none. */
  Pending claimTimers(String name) {
    return timers.remove(name);
  }

  /** The states not claimed yet. */
  List<Pending> unclaimedStates() {
    return Collections.unmodifiableList(new ArrayList<>(states.values()));
  }

  /** The timer queues not claimed yet. */
  List<Pending> unclaimedTimers() {
    return Collections.unmodifiableList(new ArrayList<>(timers.values()));
  }

  boolean isEmpty() {
    return states.isEmpty() && timers.isEmpty();
  }
}
