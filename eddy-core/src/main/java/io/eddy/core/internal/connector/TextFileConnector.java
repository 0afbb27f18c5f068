package io.eddy.core.internal.connector;

import io.eddy.api.annotation.Internal;
import io.eddy.api.connector.sink.Sink;
import io.eddy.api.connector.source.Source;

/**
 * Builds the file source and sink behind {@code env.readTextFile} and {@code stream.writeAsText},
 * so that eddy-core need not depend on eddy-connector-files. That module registers its
 * implementation as a {@link java.util.ServiceLoader} service; {@link Connectors} finds it.
 */
@Internal
public interface TextFileConnector {

  /** The lines of the file, or of every file in the directory, at {@code path}. */
  Source<String, ?, ?> textLineSource(String path);

  /** Writes each record's {@code toString()} as a line to {@code path}. */
  <T> Sink<T> textSink(String path);
}
