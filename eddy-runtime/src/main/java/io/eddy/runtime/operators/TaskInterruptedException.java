package io.eddy.runtime.operators;

/** The task thread was interrupted while waiting (the task is being cancelled). */
public final class TaskInterruptedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TaskInterruptedException() {
    super("Task was interrupted");
  }
}
