package io.eddy.api.connector.source;

import io.eddy.api.annotation.Public;

/** What a {@link SourceReader} can ask of the task that runs it. */
@Public
public interface SourceReaderContext {
  int getIndexOfSubtask();

  int currentParallelism();

  /** Asks the enumerator for a split; the answer arrives as {@link SourceReader#addSplits}. */
  void sendSplitRequest();

  /** Where a source may load user classes from. */
  ClassLoader getUserCodeClassLoader();
}
