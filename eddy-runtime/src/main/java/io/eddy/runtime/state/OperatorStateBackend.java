package io.eddy.runtime.state;

import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.state.OperatorStateStore;
import io.eddy.runtime.snapshot.StateWriter;
import java.io.IOException;
import java.util.List;

/**
 * The operator (non-keyed) state of one operator instance: list, union list and broadcast state,
 * where functions, source readers, sinks and the broadcast pattern register theirs. Made by a
 * {@link StateBackend}, empty or restored (list state redistributed round-robin over the new
 * subtasks, union and broadcast state given whole to each).
 *
 * <p>Threading: the task thread only, except that the writer {@link #snapshot} returns is written
 * by the checkpoint I/O thread.
 */
public interface OperatorStateBackend extends OperatorStateStore {
  /** The broadcast state {@code descriptor} names, with its read-only view. */
  @Override
  <K, V> InternalBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor)
      throws IOException;

  /** The names of the registered states. */
  List<String> registeredStateNames();

  /** A snapshot of every registered state (and of restored ones not registered again). */
  StateWriter snapshot() throws IOException;
}
