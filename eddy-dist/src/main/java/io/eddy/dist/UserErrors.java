package io.eddy.dist;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns an exception into the one line a user needs: the innermost meaningful message. */
final class UserErrors {
  private UserErrors() {}

  static String describe(Throwable e) {
    Throwable t = e;
    while ((t instanceof InvocationTargetException
            || t instanceof ExecutionException
            || t instanceof CompletionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    String message = t.getMessage();
    if (message == null || message.isBlank()) {
      return t.getClass().getSimpleName();
    }
    return message.lines().findFirst().orElse(message);
  }
}
