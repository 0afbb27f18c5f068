package io.eddy.runtime.gateway;

/**
 * A user function threw. The message names the operator and subtask ({@code "Map (2/4)"}) and the
 * user's exception, which is the cause.
 */
public final class UserCodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserCodeException(String operatorDescription, Throwable cause) {
    super(operatorDescription + " threw " + cause, cause);
  }
}
