package io.eddy.runtime.operators;

import io.eddy.api.checkpoint.CheckpointListener;
import io.eddy.api.checkpoint.CheckpointedFunction;
import io.eddy.api.common.functions.Function;
import io.eddy.api.common.functions.OpenContext;
import io.eddy.api.common.functions.RichFunction;
import io.eddy.runtime.snapshot.RestoredState;

/**
 * An operator around one user function: opens and closes it if it is a rich function, and lets it
 * take part in checkpoints if it is a {@link CheckpointedFunction} (its state is registered in this
 * operator's operator state or keyed state) or a {@link CheckpointListener}.
 */
public abstract class AbstractUdfStreamOperator<OUT, F extends Function>
    extends AbstractStreamOperator<OUT> {
  private static final OpenContext OPEN_CONTEXT = new OpenContext() {};
  protected final F userFunction;

  protected AbstractUdfStreamOperator(F userFunction) {
    this.userFunction = userFunction;
  }

  /** Gives a rich function its runtime context already here, for its {@code initializeState}. */
  @Override
  public void setup(OperatorSetup<OUT> setup) {
    super.setup(setup);
    if (userFunction instanceof RichFunction rich) {
      rich.setRuntimeContext(setup.runtimeContext());
    }
  }

  @Override
  protected void initializeFunctionState(RestoredState restored) throws Exception {
    super.initializeFunctionState(restored);
    if (userFunction instanceof CheckpointedFunction checkpointed) {
      StreamingRuntimeContext context = setup.runtimeContext();
      FunctionStateContexts.Initialization init =
          new FunctionStateContexts.Initialization(
              restored.isRestored(),
              operatorStateBackend(),
              setup.keyedStateBackend() == null
                  ? null
                  : new RuntimeContextKeyedStateStore(context));
      try {
        checkpointed.initializeState(init);
      } catch (Exception e) {
        throw userError(e);
      }
    }
  }

  @Override
  protected void snapshotFunctionState(long checkpointId, long timestamp) throws Exception {
    super.snapshotFunctionState(checkpointId, timestamp);
    if (userFunction instanceof CheckpointedFunction checkpointed) {
      try {
        checkpointed.snapshotState(new FunctionStateContexts.Snapshot(checkpointId, timestamp));
      } catch (Exception e) {
        throw userError(e);
      }
    }
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    super.notifyCheckpointComplete(checkpointId);
    if (userFunction instanceof CheckpointListener listener) {
      try {
        listener.notifyCheckpointComplete(checkpointId);
      } catch (Exception e) {
        throw userError(e);
      }
    }
  }

  @Override
  public void notifyCheckpointAborted(long checkpointId) throws Exception {
    super.notifyCheckpointAborted(checkpointId);
    if (userFunction instanceof CheckpointListener listener) {
      try {
        listener.notifyCheckpointAborted(checkpointId);
      } catch (Exception e) {
        throw userError(e);
      }
    }
  }

  @Override
  public void open() throws Exception {
    if (userFunction instanceof RichFunction rich) {
      try {
        rich.open(OPEN_CONTEXT);
      } catch (Exception e) {
        throw userError(e);
      }
    }
  }

  @Override
  public void close() throws Exception {
    if (userFunction instanceof RichFunction rich) {
      rich.close();
    }
  }
}
