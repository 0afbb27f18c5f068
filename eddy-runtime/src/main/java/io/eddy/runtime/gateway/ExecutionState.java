package io.eddy.runtime.gateway;

/**
 * The states of one subtask attempt.
 *
 * <pre>
 * DEPLOYING ─▶ INITIALIZING ─▶ RUNNING ─▶ FINISHED
 *     │              │            │
 *     └──────────────┴────────────┴─▶ FAILED
 *     └──────────────┴────────────┴─▶ CANCELING ─▶ CANCELED
 * </pre>
 */
public enum ExecutionState {
  DEPLOYING,
  INITIALIZING,
  RUNNING,
  FINISHED,
  CANCELING,
  CANCELED,
  FAILED;

  public boolean isTerminal() {
    return this == FINISHED || this == CANCELED || this == FAILED;
  }
}
