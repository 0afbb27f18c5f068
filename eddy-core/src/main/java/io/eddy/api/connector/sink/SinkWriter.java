package io.eddy.api.connector.sink;

import io.eddy.api.annotation.Public;
import java.io.IOException;

/**
 * Writes the records of one parallel subtask. Called on the task thread only; {@link #write} may
 * block, which backpressures the job.
 */
@Public
public interface SinkWriter<T> extends AutoCloseable {
  void write(T element, Context context) throws IOException, InterruptedException;

  /** Flushes buffered data; {@code endOfInput} is true once, after the last record. */
  void flush(boolean endOfInput) throws IOException, InterruptedException;

  /** Information about the record being written. */
  interface Context {
    /** The record's event timestamp, or null if it has none. */
    Long timestamp();

    long currentWatermark();
  }
}
