package io.eddy.api.common.serialization;

import io.eddy.api.annotation.PublicEvolving;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;

/**
 * Writes records to a file in a format that encodes many records together (columnar, compressed):
 * such a file can only be finished, not continued after a failure, so bulk-format file sinks roll
 * their part files at every checkpoint.
 */
@PublicEvolving
public interface BulkWriter<T> {
  void addElement(T element) throws IOException;

  /** Pushes buffered data to the stream. */
  void flush() throws IOException;

  /** Writes what the format needs at the end of a file; the caller closes the stream. */
  void finish() throws IOException;

  /** Creates the writer of one part file. */
  @FunctionalInterface
  interface Factory<T> extends Serializable {
    BulkWriter<T> create(OutputStream out) throws IOException;
  }
}
