package io.eddy.api.checkpoint;

import io.eddy.api.annotation.Public;
import io.eddy.api.common.state.KeyedStateStore;
import io.eddy.api.common.state.OperatorStateStore;

/** Where a {@link CheckpointedFunction} registers its state. */
@Public
public interface FunctionInitializationContext {
  /** True if the job resumed from a checkpoint or savepoint, false on a fresh start. */
  boolean isRestored();

  OperatorStateStore getOperatorStateStore();

  /**
   * The keyed state of a function on a keyed stream.
   *
   * @throws UnsupportedOperationException if the function's stream is not keyed
   */
  KeyedStateStore getKeyedStateStore();
}
