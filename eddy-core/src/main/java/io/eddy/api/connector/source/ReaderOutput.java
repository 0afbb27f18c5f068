package io.eddy.api.connector.source;

import io.eddy.api.annotation.Public;

/** Where a {@link SourceReader} emits records. Used only on the task thread. */
@Public
public interface ReaderOutput<T> {
  /** Emits a record without a timestamp (or with one a timestamp assigner will set). */
  void collect(T record);

  /** Emits a record carrying an event timestamp in milliseconds. */
  void collect(T record, long timestamp);
}
