package io.eddy.core.dag;

import io.eddy.api.annotation.Internal;

/** Whether an operator may share a task thread with its neighbours. */
@Internal
public enum ChainingStrategy {
  /** Chain to the predecessor and let successors chain (the default). */
  ALWAYS,
  /** Start a new chain here; successors may still chain to this operator. */
  HEAD,
  /** Run alone: chain neither to the predecessor nor to successors. */
  NEVER
}
