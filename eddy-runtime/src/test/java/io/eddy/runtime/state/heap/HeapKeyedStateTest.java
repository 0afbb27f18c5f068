package io.eddy.runtime.state.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.common.functions.AggregateFunction;
import io.eddy.api.common.state.AggregatingState;
import io.eddy.api.common.state.AggregatingStateDescriptor;
import io.eddy.api.common.state.ListState;
import io.eddy.api.common.state.ListStateDescriptor;
import io.eddy.api.common.state.MapState;
import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.state.ReducingState;
import io.eddy.api.common.state.ReducingStateDescriptor;
import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.state.ValueStateDescriptor;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.runtime.keygroup.KeyGroupRangeAssignment;
import io.eddy.runtime.snapshot.KeyGroupRange;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

public class HeapKeyedStateTest {
  private static final int MAX_PARALLELISM = 128;
  private static final int KEYS = 200;

  private final HeapKeyedStateBackend<String> backend =
      new HeapKeyedStateBackend<>(new KeyGroupRange(0, MAX_PARALLELISM - 1), MAX_PARALLELISM);

  @Test
  void keysSpreadOverSeveralKeyGroups() {
    Set<Integer> groups = new HashSet<>();
    for (int k = 0; k < KEYS; k++) {
      groups.add(KeyGroupRangeAssignment.assignToKeyGroup(key(k), MAX_PARALLELISM));
    }
    assertThat(groups).hasSizeGreaterThan(50);
  }

  @Test
  void valueStateIsPerKey() {
    ValueState<Long> state =
        backend.getOrCreateKeyedState(new ValueStateDescriptor<>("v", Long.class));
    for (int round = 0; round < 3; round++) {
      for (int k = 0; k < KEYS; k++) {
        backend.setCurrentKey(key(k));
        Long current = state.value();
        state.update(current == null ? k : current + k);
      }
    }
    for (int k = 0; k < KEYS; k++) {
      backend.setCurrentKey(key(k));
      assertThat(state.value()).isEqualTo(3L * k);
    }
    backend.setCurrentKey(key(7));
    state.clear();
    assertThat(state.value()).isNull();
    backend.setCurrentKey(key(8));
    state.update(null);
    assertThat(state.value()).isNull();
    backend.setCurrentKey(key(9));
    assertThat(state.value()).isEqualTo(27L);
    assertThat(((HeapKeyedValueState<?, ?>) state).numKeys()).isEqualTo(KEYS - 2);
  }

  @Test
  void valueStateDefault() {
    ValueState<Integer> state =
        backend.getOrCreateKeyedState(new ValueStateDescriptor<>("d", Types.INT, 42));
    backend.setCurrentKey("a");
    assertThat(state.value()).isEqualTo(42);
    state.update(1);
    assertThat(state.value()).isEqualTo(1);
    state.clear();
    assertThat(state.value()).isEqualTo(42);
  }

  @Test
  void listStateIsPerKeyInOrder() {
    ListState<Integer> state =
        backend.getOrCreateKeyedState(new ListStateDescriptor<>("l", Integer.class));
    for (int k = 0; k < KEYS; k++) {
      backend.setCurrentKey(key(k));
      assertThat(state.get()).isEmpty();
      state.add(k);
      state.addAll(List.of(k + 1, k + 2));
    }
    for (int k = 0; k < KEYS; k++) {
      backend.setCurrentKey(key(k));
      assertThat(state.get()).containsExactly(k, k + 1, k + 2);
    }
    backend.setCurrentKey(key(3));
    state.update(List.of(9));
    assertThat(state.get()).containsExactly(9);
    state.update(List.of());
    assertThat(state.get()).isEmpty();
    backend.setCurrentKey(key(4));
    state.clear();
    assertThat(state.get()).isEmpty();
    assertThat(((HeapListState<?, ?>) state).numKeys()).isEqualTo(KEYS - 2);
    assertThatThrownBy(() -> state.add(null)).isInstanceOf(NullPointerException.class);
    backend.setCurrentKey(key(5));
    assertThatThrownBy(() -> ((List<Integer>) state.get()).add(1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void mapStateIsPerKey() {
    MapState<String, Integer> state =
        backend.getOrCreateKeyedState(new MapStateDescriptor<>("m", String.class, Integer.class));
    for (int k = 0; k < KEYS; k++) {
      backend.setCurrentKey(key(k));
      assertThat(state.isEmpty()).isTrue();
      state.put("a", k);
      state.putAll(Map.of("b", k + 1, "c", k + 2));
    }
    for (int k = 0; k < KEYS; k++) {
      backend.setCurrentKey(key(k));
      assertThat(state.get("a")).isEqualTo(k);
      assertThat(state.contains("b")).isTrue();
      assertThat(state.contains("z")).isFalse();
      assertThat(state.keys()).containsExactlyInAnyOrder("a", "b", "c");
      assertThat(state.values()).containsExactlyInAnyOrder(k, k + 1, k + 2);
      assertThat(state.entries())
          .containsExactlyInAnyOrder(
              Map.entry("a", k), Map.entry("b", k + 1), Map.entry("c", k + 2));
      assertThat(state.iterator()).toIterable().hasSize(3);
    }
    backend.setCurrentKey(key(1));
    state.remove("a");
    assertThat(state.get("a")).isNull();
    var it = state.iterator();
    it.next();
    it.remove();
    assertThat(state.keys()).hasSize(1);
    state.clear();
    assertThat(state.isEmpty()).isTrue();
    assertThat(state.entries()).isEmpty();
    backend.setCurrentKey(key(2));
    state.remove("a");
    state.remove("b");
    state.remove("c");
    assertThat(((HeapMapState<?, ?, ?>) state).numKeys()).isEqualTo(KEYS - 2);
  }

  @Test
  void reducingStateIsPerKey() {
    ReducingState<Long> state =
        backend.getOrCreateKeyedState(
            new ReducingStateDescriptor<>("r", (a, b) -> a + b, Long.class));
    for (int k = 0; k < KEYS; k++) {
      backend.setCurrentKey(key(k));
      assertThat(state.get()).isNull();
      state.add((long) k);
      state.add(1L);
    }
    for (int k = 0; k < KEYS; k++) {
      backend.setCurrentKey(key(k));
      assertThat(state.get()).isEqualTo(k + 1L);
    }
    state.clear();
    assertThat(state.get()).isNull();
  }

  @Test
  void aggregatingStateIsPerKey() {
    AggregatingState<Long, Double> state =
        backend.getOrCreateKeyedState(
            new AggregatingStateDescriptor<>("avg", new Average(), long[].class));
    for (int k = 0; k < KEYS; k++) {
      backend.setCurrentKey(key(k));
      assertThat(state.get()).isNull();
      state.add((long) k);
      state.add((long) k + 2);
    }
    for (int k = 0; k < KEYS; k++) {
      backend.setCurrentKey(key(k));
      assertThat(state.get()).isEqualTo(k + 1.0);
    }
    state.clear();
    assertThat(state.get()).isNull();
  }

  @Test
  void sameNameReturnsTheSameStateAndOtherKindsAreRejected() {
    ValueState<Long> a = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("s", Long.class));
    ValueState<Long> b = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("s", Types.LONG));
    assertThat(b).isSameAs(a);
    assertThatThrownBy(
            () -> backend.getOrCreateKeyedState(new ListStateDescriptor<>("s", Long.class)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "State 's' is already registered as value state of java.lang.Long and cannot be used as"
                + " list state of java.lang.Long: use a different name for each state.");
    assertThatThrownBy(
            () -> backend.getOrCreateKeyedState(new ValueStateDescriptor<>("s", String.class)))
        .hasMessageContaining("cannot be used as value state of java.lang.String");
  }

  @Test
  void statesAreIndependent() {
    ValueState<Long> a = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("a", Long.class));
    ValueState<Long> b = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("b", Long.class));
    backend.setCurrentKey("k");
    a.update(1L);
    assertThat(b.value()).isNull();
  }

  static String key(int k) {
    return "key-" + k;
  }

  public static final class Average implements AggregateFunction<Long, long[], Double> {
    @Override
    public long[] createAccumulator() {
      return new long[2];
    }

    @Override
    public long[] add(Long value, long[] acc) {
      acc[0] += value;
      acc[1]++;
      return acc;
    }

    @Override
    public Double getResult(long[] acc) {
      return (double) acc[0] / acc[1];
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      a[0] += b[0];
      a[1] += b[1];
      return a;
    }
  }
}
