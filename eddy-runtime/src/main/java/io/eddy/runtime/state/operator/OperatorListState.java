package io.eddy.runtime.state.operator;

import io.eddy.api.common.state.ListState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A list state of one operator instance (not scoped to a key): a plain list of objects, registered
 * in and checkpointed by a {@link HeapOperatorStateBackend}. Task thread only.
 */
public final class OperatorListState<T> implements ListState<T> {
  private final List<T> elements = new ArrayList<>();
  private final List<T> view = Collections.unmodifiableList(elements);

  @Override
  public Iterable<T> get() {
    return view;
  }

  /** The elements, for the snapshot. */
  List<T> elements() {
    return view;
  }

  @Override
  public void add(T value) {
    elements.add(Objects.requireNonNull(value, "List state elements must not be null"));
  }

  @Override
  public void addAll(List<T> values) {
    for (T value : values) {
      add(value);
    }
  }

  @Override
  public void update(List<T> values) {
    List<T> copy = new ArrayList<>(values); // values may be a view of this state
    elements.clear();
    addAll(copy);
  }

  @Override
  public void clear() {
    elements.clear();
  }

  @Override
  public String toString() {
    return "OperatorListState" + elements;
  }
}
