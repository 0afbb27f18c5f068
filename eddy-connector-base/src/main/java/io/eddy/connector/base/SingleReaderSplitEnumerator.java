package io.eddy.connector.base;

import io.eddy.api.annotation.PublicEvolving;
import io.eddy.api.connector.source.SourceSplit;
import io.eddy.api.connector.source.SplitEnumerator;
import io.eddy.api.connector.source.SplitEnumeratorContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Gives all its splits to reader 0 (on its request, together with "no more splits") and "no more
 * splits" to every other reader. For sources that cannot be read in parallel, such as a socket.
 * Splits that come back are kept for reader 0's next request. The checkpoint is the list of
 * unassigned splits.
 *
 * <p>Threading: called from the single coordinator thread only.
 */
@PublicEvolving
public final class SingleReaderSplitEnumerator<SplitT extends SourceSplit>
    implements SplitEnumerator<SplitT, List<SplitT>> {

  private final SplitEnumeratorContext<SplitT> context;
  private final List<SplitT> unassigned;

  public SingleReaderSplitEnumerator(
      SplitEnumeratorContext<SplitT> context, Collection<? extends SplitT> splits) {
    this.context = context;
    this.unassigned = new ArrayList<>(splits);
  }

  @Override
  public void start() {}

  @Override
  public void handleSplitRequest(int subtaskId) {
    if (subtaskId == 0) {
      for (SplitT split : unassigned) {
        context.assignSplit(split, 0);
      }
      unassigned.clear();
    }
    context.signalNoMoreSplits(subtaskId);
  }

  @Override
  public void addSplitsBack(List<SplitT> splits, int subtaskId) {
    unassigned.addAll(splits);
  }

  @Override
  public void addReader(int subtaskId) {}

  @Override
  public List<SplitT> snapshotState(long checkpointId) {
    return new ArrayList<>(unassigned);
  }
}
