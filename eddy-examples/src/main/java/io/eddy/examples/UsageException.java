package io.eddy.examples;

/** A mistake in an example's command line; the example prints its message and exits with 1. */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
