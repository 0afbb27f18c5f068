package io.eddy.api.connector.sink;

import io.eddy.api.annotation.Public;
import io.eddy.api.common.io.SimpleVersionedSerializer;
import java.io.IOException;
import java.util.Collection;

/**
 * A sink whose writers keep state in checkpoints: {@code createWriter} returns a {@link
 * StatefulSinkWriter}, and after a failure {@link #restoreWriter} continues from the states of the
 * last completed checkpoint. When the parallelism changed, a subtask may get the states of several
 * old subtasks, or none.
 */
@Public
public interface SupportsWriterState<T, WriterStateT> {
  StatefulSinkWriter<T, WriterStateT> restoreWriter(
      WriterInitContext context, Collection<WriterStateT> recoveredStates) throws IOException;

  SimpleVersionedSerializer<WriterStateT> getWriterStateSerializer();

  /**
   * Called on restore, before {@link #restoreWriter}, with the states and committables of all old
   * subtasks (not only this subtask's share), so that the sink can remove what the failed attempt
   * wrote after the checkpoint without touching what another subtask restores or commits. Every
   * subtask gets the same collections. Committables are of the sink's committable type. Default:
   * nothing.
   */
  default void cleanUpAfterRestore(
      WriterInitContext context,
      Collection<WriterStateT> allWriterStates,
      Collection<?> allCommittables)
      throws IOException {}
}
