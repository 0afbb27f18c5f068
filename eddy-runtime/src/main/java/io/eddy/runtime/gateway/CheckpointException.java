package io.eddy.runtime.gateway;

/** A checkpoint or savepoint could not be taken; the message says why. */
public final class CheckpointException extends Exception {
  private static final long serialVersionUID = 1L;

  public CheckpointException(String message) {
    super(message);
  }
}
