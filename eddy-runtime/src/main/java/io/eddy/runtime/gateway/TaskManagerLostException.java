package io.eddy.runtime.gateway;

/** The TaskManager that ran a subtask died or became unreachable, so the subtask is lost. */
public final class TaskManagerLostException extends RuntimeException {
  public TaskManagerLostException(String message) {
    super(message);
  }
}
