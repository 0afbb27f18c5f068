package io.eddy.api.connector.source;

import io.eddy.api.annotation.Public;

/** What a {@link SplitEnumerator} can do: assign splits and end readers' input. */
@Public
public interface SplitEnumeratorContext<SplitT extends SourceSplit> {
  int currentParallelism();

  void assignSplit(SplitT split, int subtaskId);

  /** Tells the reader that it will get no more splits. */
  void signalNoMoreSplits(int subtaskId);
}
