package io.eddy.runtime.state.heap;

import static io.eddy.runtime.state.heap.HeapKeyedStateTest.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.common.state.AggregatingState;
import io.eddy.api.common.state.AggregatingStateDescriptor;
import io.eddy.api.common.state.ListState;
import io.eddy.api.common.state.ListStateDescriptor;
import io.eddy.api.common.state.MapState;
import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.state.ReducingState;
import io.eddy.api.common.state.ReducingStateDescriptor;
import io.eddy.api.common.state.StateDescriptor;
import io.eddy.api.common.state.StateTtlConfig;
import io.eddy.api.common.state.StateTtlConfig.StateVisibility;
import io.eddy.api.common.state.StateTtlConfig.UpdateType;
import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.state.ValueStateDescriptor;
import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.state.ttl.ManualTtlTimeProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateTtlTest {
  private static final Duration TTL = Duration.ofMillis(100);

  private final ManualTtlTimeProvider clock = new ManualTtlTimeProvider(1_000);
  private final HeapKeyedStateBackend<String> backend =
      new HeapKeyedStateBackend<>(new KeyGroupRange(0, 127), 128, clock);

  private <D extends StateDescriptor<?, ?>> D withTtl(D descriptor, StateTtlConfig.Builder ttl) {
    descriptor.enableTimeToLive(ttl.build());
    return descriptor;
  }

  private static StateTtlConfig.Builder ttl() {
    return StateTtlConfig.newBuilder(TTL).disableCleanupInBackground();
  }

  @Test
  void valueExpiresAfterTheTtlSinceTheLastWrite() {
    ValueState<String> state =
        backend.getOrCreateKeyedState(
            withTtl(new ValueStateDescriptor<>("v", String.class), ttl()));
    backend.setCurrentKey("a");
    state.update("x");
    clock.advance(Duration.ofMillis(99));
    assertThat(state.value()).isEqualTo("x");
    state.update("y"); // a write restarts the ttl
    clock.advance(Duration.ofMillis(99));
    assertThat(state.value()).isEqualTo("y");
    clock.advance(Duration.ofMillis(1));
    assertThat(state.value()).isNull();
    assertThat(((AbstractHeapState<?, ?>) state).numKeys()).isZero(); // the read removed it
  }

  @Test
  void onCreateAndWriteReadsDoNotExtend() {
    ValueState<String> state =
        backend.getOrCreateKeyedState(
            withTtl(
                new ValueStateDescriptor<>("v", String.class),
                ttl().setUpdateType(UpdateType.OnCreateAndWrite)));
    backend.setCurrentKey("a");
    state.update("x");
    clock.advance(Duration.ofMillis(60));
    assertThat(state.value()).isEqualTo("x");
    clock.advance(Duration.ofMillis(60));
    assertThat(state.value()).isNull();
  }

  @Test
  void onReadAndWriteReadsExtend() {
    ValueState<String> state =
        backend.getOrCreateKeyedState(
            withTtl(
                new ValueStateDescriptor<>("v", String.class),
                ttl().setUpdateType(UpdateType.OnReadAndWrite)));
    backend.setCurrentKey("a");
    state.update("x");
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofMillis(60));
      assertThat(state.value()).isEqualTo("x");
    }
    clock.advance(Duration.ofMillis(100));
    assertThat(state.value()).isNull();
  }

  @Test
  void returnExpiredIfNotCleanedUpReturnsItOnceThenRemovesIt() {
    ValueState<String> state =
        backend.getOrCreateKeyedState(
            withTtl(
                new ValueStateDescriptor<>("v", String.class),
                ttl().setStateVisibility(StateVisibility.ReturnExpiredIfNotCleanedUp)));
    backend.setCurrentKey("a");
    state.update("x");
    clock.advance(TTL);
    assertThat(state.value()).isEqualTo("x");
    assertThat(state.value()).isNull();
  }

  @Test
  void neverReturnExpiredHidesExpiredValuesOfEveryKind() {
    ReducingState<Long> reducing =
        backend.getOrCreateKeyedState(
            withTtl(new ReducingStateDescriptor<>("r", Long::sum, Long.class), ttl()));
    AggregatingState<Long, Double> aggregating =
        backend.getOrCreateKeyedState(
            withTtl(
                new AggregatingStateDescriptor<>(
                    "a", new HeapKeyedStateTest.Average(), long[].class),
                ttl()));
    backend.setCurrentKey("k");
    reducing.add(5L);
    aggregating.add(4L);
    clock.advance(Duration.ofMillis(50));
    reducing.add(1L);
    aggregating.add(2L);
    assertThat(reducing.get()).isEqualTo(6L);
    assertThat(aggregating.get()).isEqualTo(3.0);
    clock.advance(TTL);
    assertThat(reducing.get()).isNull();
    assertThat(aggregating.get()).isNull();
    reducing.add(7L); // starts again from nothing
    assertThat(reducing.get()).isEqualTo(7L);
  }

  @Test
  void listElementsExpireOneByOne() {
    ListState<Integer> state =
        backend.getOrCreateKeyedState(
            withTtl(new ListStateDescriptor<>("l", Integer.class), ttl()));
    backend.setCurrentKey("a");
    state.add(1);
    clock.advance(Duration.ofMillis(50));
    state.addAll(List.of(2, 3));
    clock.advance(Duration.ofMillis(50));
    assertThat(state.get()).containsExactly(2, 3);
    clock.advance(Duration.ofMillis(50));
    assertThat(state.get()).isEmpty();
    assertThat(((HeapListState<?, ?>) state).numKeys()).isZero();
  }

  @Test
  void mapEntriesExpireOneByOne() {
    MapState<String, Integer> state =
        backend.getOrCreateKeyedState(
            withTtl(new MapStateDescriptor<>("m", String.class, Integer.class), ttl()));
    backend.setCurrentKey("a");
    state.put("old", 1);
    clock.advance(Duration.ofMillis(50));
    state.putAll(Map.of("new", 2));
    clock.advance(Duration.ofMillis(50));
    assertThat(state.contains("old")).isFalse();
    assertThat(state.get("new")).isEqualTo(2);
    assertThat(state.entries()).containsExactly(Map.entry("new", 2));
    assertThat(state.values()).containsExactly(2);
    assertThat(state.keys()).containsExactly("new");
    clock.advance(Duration.ofMillis(50));
    assertThat(state.isEmpty()).isTrue();
    assertThat(state.get("new")).isNull();
    assertThat(((HeapMapState<?, ?, ?>) state).numKeys()).isZero();
  }

  @Test
  void backgroundCleanupRemovesExpiredEntriesOfKeysNeverReadAgain() {
    ValueState<Integer> state =
        backend.getOrCreateKeyedState(
            withTtl(
                new ValueStateDescriptor<>("v", Integer.class),
                StateTtlConfig.newBuilder(TTL).cleanupIncrementally(10, false)));
    int keys = 1_000;
    for (int k = 0; k < keys; k++) {
      backend.setCurrentKey(key(k));
      state.update(k);
    }
    HeapKeyedValueState<?, ?> heap = (HeapKeyedValueState<?, ?>) state;
    assertThat(heap.numKeys()).isEqualTo(keys);
    clock.advance(TTL);
    backend.setCurrentKey("live");
    state.update(-1);
    for (int i = 0; i < 2_000 && heap.numKeys() > 1; i++) {
      assertThat(state.value()).isEqualTo(-1); // only ever touches the live key
    }
    assertThat(heap.numKeys()).isEqualTo(1);
    backend.setCurrentKey(key(3));
    assertThat(state.value()).isNull();
  }

  @Test
  void backgroundCleanupPrunesListsAndMaps() {
    ListState<Integer> list =
        backend.getOrCreateKeyedState(
            withTtl(new ListStateDescriptor<>("l", Integer.class), StateTtlConfig.newBuilder(TTL)));
    MapState<Integer, Integer> map =
        backend.getOrCreateKeyedState(
            withTtl(
                new MapStateDescriptor<>("m", Integer.class, Integer.class),
                StateTtlConfig.newBuilder(TTL)));
    for (int k = 0; k < 300; k++) {
      backend.setCurrentKey(key(k));
      list.add(k);
      map.put(k, k);
    }
    clock.advance(TTL);
    backend.setCurrentKey("live");
    for (int i = 0; i < 1_000; i++) {
      list.add(i);
      map.put(i, i);
    }
    assertThat(((HeapListState<?, ?>) list).numKeys()).isEqualTo(1);
    assertThat(((HeapMapState<?, ?, ?>) map).numKeys()).isEqualTo(1);
  }

  @Test
  void withoutBackgroundCleanupExpiredEntriesStayUntilRead() {
    ValueState<Integer> state =
        backend.getOrCreateKeyedState(
            withTtl(new ValueStateDescriptor<>("v", Integer.class), ttl()));
    for (int k = 0; k < 100; k++) {
      backend.setCurrentKey(key(k));
      state.update(k);
    }
    clock.advance(TTL);
    backend.setCurrentKey("live");
    for (int i = 0; i < 1_000; i++) {
      state.update(i);
    }
    assertThat(((HeapKeyedValueState<?, ?>) state).numKeys()).isEqualTo(101);
  }
}
