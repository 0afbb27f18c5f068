package io.eddy.runtime.network.partitioner;

/** The user's key selector or partitioner threw while routing a record. */
public final class KeyExtractionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KeyExtractionException(Throwable cause) {
    super("Could not compute the key of a record: " + cause, cause);
  }
}
