package io.eddy.runtime.state.heap;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.common.functions.AggregateFunction;
import io.eddy.api.common.state.AggregatingState;
import io.eddy.api.common.state.AggregatingStateDescriptor;
import io.eddy.api.common.state.ListState;
import io.eddy.api.common.state.ListStateDescriptor;
import io.eddy.api.common.state.ReducingState;
import io.eddy.api.common.state.ReducingStateDescriptor;
import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.state.ValueStateDescriptor;
import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.state.InternalKvState;
import io.eddy.runtime.state.InternalMergingState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keyed state with a namespace (as windows use it): isolation and merging. */
class NamespacedStateTest {
  private static final int MAX_PARALLELISM = 128;
  private final HeapKeyedStateBackend<String> backend =
      new HeapKeyedStateBackend<>(new KeyGroupRange(0, MAX_PARALLELISM - 1), MAX_PARALLELISM);

  static final class Average implements AggregateFunction<Integer, long[], Double> {
    @Override
    public long[] createAccumulator() {
      return new long[2];
    }

    @Override
    public long[] add(Integer value, long[] acc) {
      return new long[] {acc[0] + value, acc[1] + 1};
    }

    @Override
    public Double getResult(long[] acc) {
      return (double) acc[0] / acc[1];
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      return new long[] {a[0] + b[0], a[1] + b[1]};
    }
  }

  @Test
  void eachNamespaceOfAKeyHasItsOwnValueAndNoNamespaceIsSeparateToo() {
    ValueState<Integer> state =
        backend.getOrCreateKeyedState(new ValueStateDescriptor<>("v", Integer.class));
    InternalKvState internal = (InternalKvState) state;
    backend.setCurrentKey("a");
    state.update(0);
    internal.setCurrentNamespace("w1");
    state.update(1);
    internal.setCurrentNamespace("w2");
    state.update(2);
    backend.setCurrentKey("b");
    assertThat(state.value()).isNull();
    state.update(20);
    backend.setCurrentKey("a");
    assertThat(state.value()).isEqualTo(2);
    internal.setCurrentNamespace("w1");
    assertThat(state.value()).isEqualTo(1);
    state.clear();
    assertThat(state.value()).isNull();
    internal.setCurrentNamespace(null);
    assertThat(state.value()).isZero();
    internal.setCurrentNamespace("w2");
    backend.setCurrentKey("b");
    assertThat(state.value()).isEqualTo(20);
  }

  @Test
  void listReducingAndAggregatingStatesMergeNamespaces() {
    ListState<Integer> list =
        backend.getOrCreateKeyedState(new ListStateDescriptor<>("l", Integer.class));
    ReducingState<Integer> sum =
        backend.getOrCreateKeyedState(
            new ReducingStateDescriptor<>("r", Integer::sum, Integer.class));
    AggregatingState<Integer, Double> avg =
        backend.getOrCreateKeyedState(
            new AggregatingStateDescriptor<>("g", new Average(), long[].class));
    backend.setCurrentKey("a");
    int value = 1;
    for (String ns : List.of("w1", "w2", "w3")) {
      ((InternalKvState) list).setCurrentNamespace(ns);
      ((InternalKvState) sum).setCurrentNamespace(ns);
      ((InternalKvState) avg).setCurrentNamespace(ns);
      list.add(value);
      sum.add(value);
      avg.add(value);
      value *= 10;
    }
    for (Object state : List.of(list, sum, avg)) {
      ((InternalMergingState) state).mergeNamespaces("w3", List.of("w1", "w2"));
      ((InternalKvState) state).setCurrentNamespace("w3");
    }
    assertThat(list.get()).containsExactlyInAnyOrder(1, 10, 100);
    assertThat(sum.get()).isEqualTo(111);
    assertThat(avg.get()).isEqualTo(37.0);
    for (Object state : List.of(list, sum, avg)) {
      ((InternalKvState) state).setCurrentNamespace("w1");
    }
    assertThat(list.get()).isEmpty();
    assertThat(sum.get()).isNull();
    assertThat(avg.get()).isNull();
  }
}
