package io.eddy.runtime.operators.windowing;

import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.state.ValueStateDescriptor;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.api.windowing.assigners.MergingWindowAssigner;
import io.eddy.api.windowing.windows.TimeWindow;
import io.eddy.runtime.state.InternalKvState;
import io.eddy.runtime.state.KeyedStateBackend;
import io.eddy.runtime.state.TimeWindowSerializer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The active windows of the current key for a merging (session) assigner, kept in keyed state (so
 * they move with the key group and are part of checkpoints). Adding a window merges it with the
 * active windows it overlaps and tells the caller, which moves contents, trigger state and timers
 * to the merged window. Task thread only.
 */
final class MergingWindowSet {
  /**
   * Told about each merge: {@code merged} (not containing {@code result}) became {@code result}.
   */
  interface MergeListener {
    void merge(TimeWindow result, Collection<TimeWindow> merged) throws Exception;
  }

  private final MergingWindowAssigner<?> assigner;
  private final ValueState<ArrayList<TimeWindow>> activeWindows;

  @SuppressWarnings({"unchecked", "rawtypes"})
  MergingWindowSet(MergingWindowAssigner<?> assigner, KeyedStateBackend<?> backend) {
    this.assigner = assigner;
    this.activeWindows =
        (ValueState)
            backend.getOrCreateKeyedState(
                new ValueStateDescriptor<>(
                    "window-merging-set", Types.LIST(TimeWindowSerializer.TYPE)));
    ((InternalKvState) activeWindows).setCurrentNamespace(null);
  }

  /** Whether {@code window} is an active window of the current key. */
  boolean contains(TimeWindow window) {
    ArrayList<TimeWindow> active = activeWindows.value();
    return active != null && active.contains(window);
  }

  /** Drops {@code window} from the current key's active windows. */
  void retire(TimeWindow window) {
    ArrayList<TimeWindow> active = activeWindows.value();
    if (active != null && active.remove(window)) {
      if (active.isEmpty()) {
        activeWindows.clear();
      } else {
        activeWindows.update(active);
      }
    }
  }

  /**
   * Adds {@code window} to the current key's active windows, merging it with the windows it
   * overlaps; {@code listener} hears about every merge before the set changes.
   *
   * @return the active window that now covers {@code window}
   */
  TimeWindow add(TimeWindow window, MergeListener listener) throws Exception {
    ArrayList<TimeWindow> active = activeWindows.value();
    if (active == null) {
      active = new ArrayList<>();
    }
    List<TimeWindow> candidates = new ArrayList<>(active.size() + 1);
    candidates.addAll(active);
    candidates.add(window);
    List<TimeWindow[]> groups = new ArrayList<>();
    List<TimeWindow> results = new ArrayList<>();
    assigner.mergeWindows(
        candidates,
        (toMerge, result) -> {
          groups.add(toMerge.toArray(new TimeWindow[0]));
          results.add(result);
        });
    TimeWindow actual = window;
    boolean absorbed = false;
    for (int i = 0; i < groups.size(); i++) {
      TimeWindow result = results.get(i);
      List<TimeWindow> merged = new ArrayList<>();
      boolean containsNew = false;
      for (TimeWindow w : groups.get(i)) {
        if (w.equals(window)) {
          containsNew = true;
        }
        if (!w.equals(result) && active.contains(w) && !merged.contains(w)) {
          merged.add(w);
        }
      }
      if (containsNew) {
        actual = result;
        absorbed = true;
      }
      if (!merged.isEmpty()) {
        listener.merge(result, merged);
      }
      active.removeAll(merged);
      if (!active.contains(result)) {
        active.add(result);
      }
    }
    if (!absorbed) {
      active.add(window);
    }
    activeWindows.update(active);
    return actual;
  }
}
