package io.eddy.core.internal.connector.source;

import io.eddy.api.annotation.Internal;
import io.eddy.api.connector.source.SourceSplit;
import io.eddy.api.connector.source.SplitEnumerator;
import io.eddy.api.connector.source.SplitEnumeratorContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Hands out a fixed list of splits, one per request, so that a reader that finishes quickly asks
 * again and gets more work than a slow one.
 *
 * <p>A request is answered with the next unassigned split, or with "no more splits" when none is
 * left. Splits that come back from a failed reader are queued again and go to the next reader that
 * asks (normally the restarted reader itself). The checkpoint is the list of unassigned splits.
 *
 * <p>Threading: like every {@link SplitEnumerator}, called from the single coordinator thread only.
 *
 * @param <SplitT> the split type
 */
@Internal
public class OnDemandSplitEnumerator<SplitT extends SourceSplit>
    implements SplitEnumerator<SplitT, List<SplitT>> {

  private final SplitEnumeratorContext<SplitT> context;
  private final ArrayDeque<SplitT> unassigned;

  public OnDemandSplitEnumerator(
      SplitEnumeratorContext<SplitT> context, Collection<? extends SplitT> splits) {
    this.context = context;
    this.unassigned = new ArrayDeque<>(splits);
  }

  @Override
  public void start() {}

  @Override
  public void handleSplitRequest(int subtaskId) {
    SplitT next = unassigned.poll();
    if (next != null) {
      context.assignSplit(next, subtaskId);
    } else {
      context.signalNoMoreSplits(subtaskId);
    }
  }

  @Override
  public void addSplitsBack(List<SplitT> splits, int subtaskId) {
    // Re-queued at the front: these were handed out first, so they are the oldest work.
    for (int i = splits.size() - 1; i >= 0; i--) {
      unassigned.addFirst(splits.get(i));
    }
  }

  @Override
  public void addReader(int subtaskId) {
    // Nothing to do: readers ask for splits when they need them.
  }

  @Override
  public List<SplitT> snapshotState(long checkpointId) {
    return new ArrayList<>(unassigned);
  }

  /** The number of splits not handed out yet. */
  public int remainingSplits() {
    return unassigned.size();
  }
}
