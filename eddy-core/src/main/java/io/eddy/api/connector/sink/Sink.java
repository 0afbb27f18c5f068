package io.eddy.api.connector.sink;

import io.eddy.api.annotation.Public;
import java.io.IOException;
import java.io.Serializable;

/** Writes a stream to an external system. A serializable factory of one writer per subtask. */
@Public
public interface Sink<T> extends Serializable {
  SinkWriter<T> createWriter(WriterInitContext context) throws IOException;
}
