package io.eddy.core.testutils.source;

import io.eddy.api.connector.source.SourceSplit;
import io.eddy.api.connector.source.SplitEnumeratorContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Records the enumerator's assignments, and keeps undelivered ones per subtask. */
public final class TestingSplitEnumeratorContext<SplitT extends SourceSplit>
    implements SplitEnumeratorContext<SplitT> {
  private final int parallelism;
  private final Map<Integer, List<SplitT>> assigned = new HashMap<>();
  private final Map<Integer, List<SplitT>> undelivered = new HashMap<>();
  private final Set<Integer> noMoreSplits = new HashSet<>();

  public TestingSplitEnumeratorContext(int parallelism) {
    this.parallelism = parallelism;
  }

  @Override
  public int currentParallelism() {
    return parallelism;
  }

  @Override
  public void assignSplit(SplitT split, int subtaskId) {
    assigned.computeIfAbsent(subtaskId, k -> new ArrayList<>()).add(split);
    undelivered.computeIfAbsent(subtaskId, k -> new ArrayList<>()).add(split);
  }

  @Override
  public void signalNoMoreSplits(int subtaskId) {
    noMoreSplits.add(subtaskId);
  }

  /** Every split ever assigned to {@code subtaskId}. */
  public List<SplitT> assignedTo(int subtaskId) {
    return assigned.getOrDefault(subtaskId, List.of());
  }

  /** The splits assigned to {@code subtaskId} since the last call; clears them. */
  public List<SplitT> takeUndelivered(int subtaskId) {
    List<SplitT> splits = undelivered.remove(subtaskId);
    return splits == null ? List.of() : splits;
  }

  public boolean noMoreSplitsSignalled(int subtaskId) {
    return noMoreSplits.contains(subtaskId);
  }
}
