package io.eddy.runtime.operators.windowing;

import io.eddy.api.common.state.AggregatingState;
import io.eddy.api.common.state.AggregatingStateDescriptor;
import io.eddy.api.common.state.KeyedStateStore;
import io.eddy.api.common.state.ListState;
import io.eddy.api.common.state.ListStateDescriptor;
import io.eddy.api.common.state.MapState;
import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.state.ReducingState;
import io.eddy.api.common.state.ReducingStateDescriptor;
import io.eddy.api.common.state.State;
import io.eddy.api.common.state.StateDescriptor;
import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.state.ValueStateDescriptor;
import io.eddy.runtime.state.InternalKvState;
import io.eddy.runtime.state.KeyedStateBackend;
import java.util.ArrayList;
import java.util.List;

/**
 * Keyed state of the current key in one namespace: the current window (a window function's {@code
 * windowState()}) or none ({@code globalState()}). Remembers the states it handed out in a
 * namespace so they can be cleared with the window. Task thread only.
 */
final class NamespacedStateStore implements KeyedStateStore {
  private final KeyedStateBackend<?> backend;
  private final boolean perWindow;
  private final List<State> used = new ArrayList<>();
  private Object namespace;

  /**
   * @param perWindow whether states are scoped to the namespace set with {@link #setNamespace}
   *     (else they have none)
   */
  NamespacedStateStore(KeyedStateBackend<?> backend, boolean perWindow) {
    this.backend = backend;
    this.perWindow = perWindow;
  }

  void setNamespace(Object namespace) {
    this.namespace = namespace;
  }

  /** Clears every state handed out so far in {@code window} of the current key. */
  void clearAll(Object window) {
    for (State state : used) {
      ((InternalKvState) state).setCurrentNamespace(window);
      state.clear();
    }
  }

  @Override
  public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
    return scoped(descriptor);
  }

  @Override
  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    return scoped(descriptor);
  }

  @Override
  public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
    return scoped(descriptor);
  }

  @Override
  public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
    return scoped(descriptor);
  }

  @Override
  public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
    return scoped(descriptor);
  }

  private <S extends State> S scoped(StateDescriptor<S, ?> descriptor) {
    S state = backend.getOrCreateKeyedState(descriptor);
    ((InternalKvState) state).setCurrentNamespace(perWindow ? namespace : null);
    if (perWindow && !containsIdentical(state)) {
      used.add(state);
    }
    return state;
  }

  private boolean containsIdentical(State state) {
    for (State s : used) {
      if (s == state) {
        return true;
      }
    }
    return false;
  }
}
