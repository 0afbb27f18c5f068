package io.eddy.runtime.state.operator;

/**
 * How an operator state is redistributed when a job is restored, possibly at another parallelism.
 * The codes are part of the snapshot format ({@link OperatorStateFormat}) and must never change.
 */
public enum OperatorStateKind {
  /** Elements of all old subtasks dealt round-robin (own list back at the same parallelism). */
  LIST(0),
  /** Every new subtask gets the elements of all old subtasks. */
  UNION(1),
  /** A map that is identical on every subtask: every new subtask gets old subtask 0's copy. */
  BROADCAST(2);

  private final int code;

  OperatorStateKind(int code) {
    this.code = code;
  }

  int code() {
    return code;
  }

  static OperatorStateKind ofCode(int code) {
    for (OperatorStateKind kind : values()) {
      if (kind.code == code) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown operator state kind " + code);
  }
}
