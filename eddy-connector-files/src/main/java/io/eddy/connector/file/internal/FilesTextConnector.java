package io.eddy.connector.file.internal;

import io.eddy.api.annotation.Internal;
import io.eddy.api.connector.sink.Sink;
import io.eddy.api.connector.source.Source;
import io.eddy.connector.file.FileSource;
import io.eddy.connector.file.sink.TextFileSink;
import io.eddy.core.internal.connector.TextFileConnector;

/** Registered for {@link TextFileConnector}: {@code readTextFile} and {@code writeAsText}. */
@Internal
public final class FilesTextConnector implements TextFileConnector {

  @Override
  public Source<String, ?, ?> textLineSource(String path) {
    return FileSource.forTextLines(path);
  }

  @Override
  public <T> Sink<T> textSink(String path) {
    return new TextFileSink<>(path);
  }
}
