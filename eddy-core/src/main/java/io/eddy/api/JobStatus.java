package io.eddy.api;

import io.eddy.api.annotation.PublicEvolving;

/**
 * The states of a job.
 *
 * <pre>
 * CREATED ─▶ RUNNING ─▶ FINISHED
 *               │  ▲
 *               ▼  │ (restart)
 *            FAILING ─▶ FAILED
 *               │
 *  RUNNING ─▶ CANCELLING ─▶ CANCELED
 * </pre>
 */
@PublicEvolving
public enum JobStatus {
  CREATED,
  RUNNING,
  FAILING,
  RESTARTING,
  CANCELLING,
  FINISHED,
  FAILED,
  CANCELED;

  /** Whether the job can no longer change state. */
  public boolean isTerminal() {
    return this == FINISHED || this == FAILED || this == CANCELED;
  }
}
