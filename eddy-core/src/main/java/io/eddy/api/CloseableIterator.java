package io.eddy.api;

import java.util.Iterator;

/** An iterator over a job's results that must be closed (closing cancels the job if running). */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
  @Override
  void close();
}
