package io.eddy.api;

import io.eddy.api.annotation.PublicEvolving;

/**
 * The states of a job, and the only changes between them (the JobMaster refuses any other):
 *
 * <pre>
 * CREATED ─▶ RUNNING ─────────────────────▶ FINISHED
 *               │  ▲
 *               ▼  │ (the whole job restarts; a regional restart stays RUNNING)
 *            RESTARTING
 *
 * CREATED, RUNNING or RESTARTING ─▶ FAILING ─▶ FAILED        (no restart left)
 * CREATED, RUNNING or RESTARTING ─▶ CANCELLING ─▶ CANCELED   (cancelled or stopped)
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
