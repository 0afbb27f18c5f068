package io.eddy.runtime.network.netty;

/** A remote input channel failed: partition not found, connection refused or lost. */
public final class RemoteChannelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RemoteChannelException(String message) {
    super(message);
  }
}
