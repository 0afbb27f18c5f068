package io.eddy.core.internal.connector;

import io.eddy.api.annotation.Internal;
import io.eddy.api.connector.source.Source;

/**
 * Builds the socket source behind {@code env.socketTextStream}, so that eddy-core need not depend
 * on eddy-connector-socket. That module registers its implementation as a {@link
 * java.util.ServiceLoader} service; {@link Connectors} finds it.
 */
@Internal
public interface SocketConnector {

  /** The {@code delimiter}-separated UTF-8 lines that the TCP server at host:port sends. */
  Source<String, ?, ?> socketTextSource(String host, int port, char delimiter);
}
