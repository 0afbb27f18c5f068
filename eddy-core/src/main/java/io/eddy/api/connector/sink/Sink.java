package io.eddy.api.connector.sink;

import java.io.IOException;
import java.io.Serializable;

/** Writes a stream to an external system. A serializable factory of one writer per subtask. */
public interface Sink<T> extends Serializable {
  SinkWriter<T> createWriter(WriterInitContext context) throws IOException;
}
