package io.eddy.connector.socket.internal;

import io.eddy.api.annotation.Internal;
import io.eddy.api.connector.source.Source;
import io.eddy.connector.socket.SocketSource;
import io.eddy.core.internal.connector.SocketConnector;

/** Registered for {@link SocketConnector}: {@code socketTextStream}. */
@Internal
public final class SocketTextConnector implements SocketConnector {

  @Override
  public Source<String, ?, ?> socketTextSource(String host, int port, char delimiter) {
    return new SocketSource(host, port, delimiter);
  }
}
