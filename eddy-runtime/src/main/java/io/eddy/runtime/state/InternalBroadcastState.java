package io.eddy.runtime.state;

import io.eddy.api.common.state.BroadcastState;
import io.eddy.api.common.state.ReadOnlyBroadcastState;

/** A broadcast state with the read-only view the non-broadcast side of a function gets. */
public interface InternalBroadcastState<K, V> extends BroadcastState<K, V> {
  ReadOnlyBroadcastState<K, V> readOnly();
}
