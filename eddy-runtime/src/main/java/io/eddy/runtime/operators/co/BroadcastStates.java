package io.eddy.runtime.operators.co;

import io.eddy.api.common.state.BroadcastState;
import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.state.ReadOnlyBroadcastState;
import io.eddy.runtime.state.InternalBroadcastState;
import io.eddy.runtime.state.OperatorStateBackend;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The broadcast states of one operator instance, one per descriptor given to {@code
 * broadcast(...)}. They are registered in the operator's state backend as broadcast state, so they
 * are checkpointed and every new subtask restores the same copy. Every instance receives every
 * broadcast element, so every instance's copy is the same if the function updates it
 * deterministically. Task thread only.
 */
final class BroadcastStates {
  private final Map<String, InternalBroadcastState<?, ?>> states = new HashMap<>();

  BroadcastStates(OperatorStateBackend backend, List<MapStateDescriptor<?, ?>> descriptors)
      throws IOException {
    for (MapStateDescriptor<?, ?> d : descriptors) {
      states.put(d.getName(), backend.getBroadcastState(d));
    }
  }

  @SuppressWarnings("unchecked")
  <K, V> BroadcastState<K, V> get(MapStateDescriptor<K, V> descriptor) {
    InternalBroadcastState<?, ?> state = states.get(descriptor.getName());
    if (state == null) {
      throw new IllegalArgumentException(
          "There is no broadcast state named '"
              + descriptor.getName()
              + "': pass its descriptor to broadcast(...) (this operator has "
              + states.keySet()
              + ").");
    }
    return (BroadcastState<K, V>) state;
  }

  <K, V> ReadOnlyBroadcastState<K, V> getReadOnly(MapStateDescriptor<K, V> descriptor) {
    return ((InternalBroadcastState<K, V>) get(descriptor)).readOnly();
  }
}
