package io.eddy.runtime.operators;

import io.eddy.api.checkpoint.FunctionInitializationContext;
import io.eddy.api.checkpoint.FunctionSnapshotContext;
import io.eddy.api.common.state.KeyedStateStore;
import io.eddy.api.common.state.OperatorStateStore;

/** The contexts a {@code CheckpointedFunction} gets from its operator. */
final class FunctionStateContexts {
  private FunctionStateContexts() {}

  /**
   * @param keyedStateStore null if the function's stream is not keyed
   */
  record Initialization(
      boolean isRestored, OperatorStateStore operatorStateStore, KeyedStateStore keyedStateStore)
      implements FunctionInitializationContext {

    @Override
    public OperatorStateStore getOperatorStateStore() {
      return operatorStateStore;
    }

    @Override
    public KeyedStateStore getKeyedStateStore() {
      if (keyedStateStore == null) {
        throw new UnsupportedOperationException(
            "Keyed state is only available to functions on a keyed stream: call keyBy(...) first.");
      }
      return keyedStateStore;
    }
  }

  record Snapshot(long checkpointId, long timestamp) implements FunctionSnapshotContext {
    @Override
    public long getCheckpointId() {
      return checkpointId;
    }

    @Override
    public long getCheckpointTimestamp() {
      return timestamp;
    }
  }
}
