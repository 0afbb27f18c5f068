package io.eddy.connector.socket;

import io.eddy.api.annotation.PublicEvolving;
import io.eddy.api.connector.source.SourceSplit;

/** The one split of a {@link SocketSource}: the server to connect to. It has no position. */
@PublicEvolving
public record SocketSplit(String host, int port) implements SourceSplit {

  @Override
  public String splitId() {
    return "socket-" + host + ":" + port;
  }
}
