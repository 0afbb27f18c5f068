package io.eddy.core.dag;

/** Whether an operator may share a task thread with its neighbours. */
public enum ChainingStrategy {
  /** Chain to the predecessor and let successors chain (the default). */
  ALWAYS,
  /** Start a new chain here; successors may still chain to this operator. */
  HEAD,
  /** Run alone: chain neither to the predecessor nor to successors. */
  NEVER
}
