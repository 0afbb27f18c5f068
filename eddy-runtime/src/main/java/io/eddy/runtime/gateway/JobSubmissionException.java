package io.eddy.runtime.gateway;

/** A job could not be started; the message says why (missing input, too few slots...). */
public final class JobSubmissionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JobSubmissionException(String message, Throwable cause) {
    super(message, cause);
  }
}
