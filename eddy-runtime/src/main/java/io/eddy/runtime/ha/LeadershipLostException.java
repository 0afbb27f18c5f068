package io.eddy.runtime.ha;

/** A leader action was refused: the JobManager no longer leads under the session it acted in. */
public final class LeadershipLostException extends Exception {
  public LeadershipLostException(String message) {
    super(message);
  }

  public LeadershipLostException(String message, Throwable cause) {
    super(message, cause);
  }
}
