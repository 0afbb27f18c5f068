package io.eddy.api.common.state;

import io.eddy.api.annotation.Public;

/**
 * Non-keyed state of one parallel operator instance, registered in {@code
 * CheckpointedFunction.initializeState}. On a restore at a different parallelism, list state is
 * split round-robin over the new subtasks, union list state is given whole to every subtask, and
 * broadcast state (identical on every subtask) is given to every subtask. Task thread only.
 */
@Public
public interface OperatorStateStore {
  /** List state redistributed round-robin on rescaling. */
  <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) throws Exception;

  /** List state whose restored value on every subtask is the union of all subtasks' lists. */
  <T> ListState<T> getUnionListState(ListStateDescriptor<T> descriptor) throws Exception;

  /** Map state that is the same on every subtask (the broadcast state pattern). */
  <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor)
      throws Exception;
}
