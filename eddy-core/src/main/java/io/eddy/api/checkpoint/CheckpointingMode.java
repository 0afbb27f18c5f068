package io.eddy.api.checkpoint;

import io.eddy.api.annotation.Public;

/** What a checkpoint guarantees about the state after a restore. */
@Public
public enum CheckpointingMode {
  /**
   * Every record affects the state exactly once: a task aligns the barriers of its inputs (or, with
   * unaligned checkpoints, stores the records that overtook them).
   */
  EXACTLY_ONCE,
  /**
   * No record is lost, but records after a barrier on a fast input may be counted again after a
   * restore: no alignment, so no added latency.
   */
  AT_LEAST_ONCE
}
