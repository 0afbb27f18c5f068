package io.eddy.api;

import io.eddy.api.annotation.PublicEvolving;
import java.util.Iterator;

/** An iterator over a job's results that must be closed (closing cancels the job if running). */
@PublicEvolving
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
  @Override
  void close();
}
