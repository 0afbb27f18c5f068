package io.eddy.runtime.operators.windowing;

import io.eddy.api.windowing.evictors.Evictor;
import io.eddy.api.windowing.evictors.TimestampedValue;
import io.eddy.api.windowing.windows.Window;
import io.eddy.core.dag.ops.WindowSpec;
import io.eddy.runtime.state.InternalKvState;
import io.eddy.runtime.streamrecord.StreamRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A {@link WindowOperator} with an {@link Evictor}: a window keeps its elements with their
 * timestamps; when it fires the evictor removes elements before and/or after the window function
 * sees them, and what is left stays in the window. Task thread only.
 */
final class EvictingWindowOperator<K, IN, OUT, W extends Window>
    extends WindowOperator<K, IN, IN, OUT, W> {
  private final Evictor<? super IN, ? super W> evictor;

  EvictingWindowOperator(WindowSpec<IN, K, W> spec) {
    super(spec);
    this.evictor = spec.evictor();
  }

  @Override
  protected void addToWindow(W window, StreamRecord<IN> record) {
    ((InternalKvState) contents).setCurrentNamespace(window);
    long timestamp = record.hasTimestamp() ? record.getTimestamp() : Long.MIN_VALUE;
    contents.add(new TimestampedValue<>(record.getValue(), timestamp));
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  protected void fire(W window) {
    ((InternalKvState) contents).setCurrentNamespace(window);
    Iterable<TimestampedValue<IN>> stored = (Iterable<TimestampedValue<IN>>) contents.get();
    List<TimestampedValue<IN>> elements = new ArrayList<>();
    for (TimestampedValue<IN> element : stored) {
      elements.add(element);
    }
    if (elements.isEmpty()) {
      return;
    }
    Evictor<IN, W> e = (Evictor) evictor;
    try {
      e.evictBefore(elements, elements.size(), window, functionContext);
    } catch (RuntimeException ex) {
      throw userError(ex);
    }
    emit(window, new Values<>(elements));
    try {
      e.evictAfter(elements, elements.size(), window, functionContext);
    } catch (RuntimeException ex) {
      throw userError(ex);
    }
    ((InternalKvState) contents).setCurrentNamespace(window);
    contents.clear();
    for (TimestampedValue<IN> element : elements) {
      contents.add(element);
    }
  }

  /** The values of the timestamped elements, without copying. */
  private record Values<T>(List<TimestampedValue<T>> elements) implements Iterable<T> {
    @Override
    public Iterator<T> iterator() {
      Iterator<TimestampedValue<T>> it = elements.iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public T next() {
          return it.next().getValue();
        }
      };
    }
  }
}
