package io.eddy.runtime.jobmaster;

import io.eddy.runtime.gateway.UserCodeException;

/**
 * Why a job failed: what failed ("Map (2/4)", "checkpointing") and the cause.
 *
 * @param where what failed, as in errors and logs
 */
public record JobFailure(String where, Throwable cause) {
  /** The failure as the user reads it: a user-code error's own message, else where and cause. */
  public String describe() {
    if (cause instanceof UserCodeException) {
      return cause.getMessage();
    }
    return where + " failed: " + cause;
  }
}
