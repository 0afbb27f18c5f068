package io.eddy.runtime.state.heap;

/** A checked exception thrown by a function a state calls (such as a reducing state's reducer). */
public final class StateFunctionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  StateFunctionException(String message, Throwable cause) {
    super(message + ": " + cause, cause);
  }
}
