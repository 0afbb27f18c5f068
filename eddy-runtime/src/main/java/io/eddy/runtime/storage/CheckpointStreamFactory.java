package io.eddy.runtime.storage;

import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.snapshot.StateFileHandle;
import io.eddy.runtime.snapshot.StateWriter;
import java.io.IOException;

/**
 * A subtask's side of checkpoint storage: writes the state files of its part of a checkpoint into
 * the attempt the JobManager started ({@link CheckpointStorage#initCheckpoint}), and owns their
 * names, so no task or operator composes a file name or a path. Each file is durable when the
 * method returns, so the acknowledgement naming it may go to the JobManager.
 *
 * <p>One per subtask attempt (made by {@link CheckpointStorages#streamFactory}). Threading: called
 * from the checkpoint I/O thread; implementations are thread-safe, as the writers of several
 * checkpoints may run at once. Calls block on I/O.
 */
public interface CheckpointStreamFactory {
  /**
   * Writes the keyed state of operator {@code chainIndex} of the subtask's chain.
   *
   * @param operatorId the operator's id in checkpoints
   * @param keyGroups the key groups the state holds
   */
  StateFileHandle writeKeyedState(
      long checkpointId,
      int chainIndex,
      String operatorId,
      KeyGroupRange keyGroups,
      StateWriter writer)
      throws IOException;

  /** Writes the operator (non-keyed) state of operator {@code chainIndex} of the chain. */
  StateFileHandle writeOperatorState(
      long checkpointId, int chainIndex, String operatorId, StateWriter writer) throws IOException;

  /**
   * Writes the subtask's in-flight data of an unaligned checkpoint.
   *
   * @param stateId the id the data is stored under (see {@code ChannelState.stateId})
   */
  StateFileHandle writeChannelState(long checkpointId, String stateId, StateWriter writer)
      throws IOException;
}
