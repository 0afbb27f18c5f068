package io.eddy.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.common.functions.AggregateFunction;
import io.eddy.api.common.state.AggregatingState;
import io.eddy.api.common.state.AggregatingStateDescriptor;
import io.eddy.api.common.state.ListState;
import io.eddy.api.common.state.ListStateDescriptor;
import io.eddy.api.common.state.MapState;
import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.state.ReducingState;
import io.eddy.api.common.state.ReducingStateDescriptor;
import io.eddy.api.common.state.StateTtlConfig;
import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.state.ValueStateDescriptor;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.api.windowing.windows.TimeWindow;
import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.snapshot.StateFileHandle;
import io.eddy.runtime.snapshot.StateWriter;
import io.eddy.runtime.state.InternalKvState;
import io.eddy.runtime.state.InternalMergingState;
import io.eddy.runtime.state.KeyedStateBackend;
import io.eddy.runtime.state.StateBackends;
import io.eddy.runtime.state.timers.InternalTimer;
import io.eddy.runtime.state.timers.KeyGroupedTimerQueue;
import io.eddy.runtime.state.ttl.ManualTtlTimeProvider;
import io.eddy.runtime.state.ttl.TtlTimeProviders;
import io.eddy.runtime.storage.CheckpointMetadata;
import io.eddy.runtime.storage.CheckpointStorage;
import io.eddy.runtime.storage.CheckpointStorages;
import io.eddy.runtime.storage.CheckpointStreamFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A snapshot of either backend restores into the other (the canonical format): every state kind,
 * with and without TTL, entries in window namespaces, the runtime's internal value states and
 * timers; and a merge of window namespaces afterwards.
 */
class CrossBackendSnapshotTest {
  private static final int MAX_PARALLELISM = 32;
  private static final int KEYS = 100;
  private static final KeyGroupRange ALL = new KeyGroupRange(0, MAX_PARALLELISM - 1);
  private static final TypeSerializer<Integer> KEYS_SERIALIZER = Types.INT.createSerializer();

  private static final ValueStateDescriptor<String> VALUE =
      new ValueStateDescriptor<>("value", Types.STRING);
  private static final ValueStateDescriptor<Long> TTL_VALUE = ttl("ttl-value");
  private static final ListStateDescriptor<Long> LIST =
      new ListStateDescriptor<>("list", Types.LONG);
  private static final MapStateDescriptor<String, Long> MAP =
      new MapStateDescriptor<>("map", Types.STRING, Types.LONG);
  private static final ReducingStateDescriptor<Long> SUM =
      new ReducingStateDescriptor<>("sum", Long::sum, Types.LONG);
  private static final AggregatingStateDescriptor<Long, Long, String> COUNT =
      new AggregatingStateDescriptor<>("count", new Count(), Types.LONG);
  private static final TimeWindow W1 = new TimeWindow(0, 10);
  private static final TimeWindow W2 = new TimeWindow(10, 20);

  @TempDir Path checkpoints;
  private final ManualTtlTimeProvider clock = new ManualTtlTimeProvider(1_000);
  private int checkpointId;

  @BeforeEach
  void installClock() {
    TtlTimeProviders.setOverrideForTesting(clock);
  }

  @AfterEach
  void resetClock() {
    TtlTimeProviders.setOverrideForTesting(null);
  }

  private static ValueStateDescriptor<Long> ttl(String name) {
    ValueStateDescriptor<Long> d = new ValueStateDescriptor<>(name, Types.LONG);
    d.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofSeconds(10)).build());
    return d;
  }

  private static KeyedStateBackend<Integer> backend(String name) {
    return StateBackends.named(name).createKeyedStateBackend(ALL, MAX_PARALLELISM, KEYS_SERIALIZER);
  }

  @ParameterizedTest(name = "{0} -> {1} -> {0}")
  @CsvSource({"heap, rocksdb", "rocksdb, heap", "rocksdb, rocksdb"})
  void aSnapshotRestoresIntoTheOtherBackendAndBack(String first, String second) throws Exception {
    KeyedStateBackend<Integer> original = backend(first);
    KeyGroupedTimerQueue<Integer> timers = fill(original);
    String file = checkpoint(original, timers);

    KeyedStateBackend<Integer> other = backend(second);
    other.restore(List.of(file));
    KeyGroupedTimerQueue<Integer> restoredTimers = new KeyGroupedTimerQueue<>(ALL.size());
    assertThat(other.restoreTimers("event", restoredTimers)).isTrue();
    assertFilled(other, restoredTimers);
    String back = checkpoint(other, restoredTimers);
    other.dispose();
    original.dispose();

    KeyedStateBackend<Integer> again = backend(first);
    again.restore(List.of(back));
    KeyGroupedTimerQueue<Integer> againTimers = new KeyGroupedTimerQueue<>(ALL.size());
    again.restoreTimers("event", againTimers);
    assertFilled(again, againTimers);
    assertTtlTimestampsKept(again);
    again.dispose();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"heap, rocksdb", "rocksdb, heap"})
  void statesNotRegisteredYetAreCarriedIntoTheNextSnapshot(String first, String second)
      throws Exception {
    KeyedStateBackend<Integer> original = backend(first);
    KeyGroupedTimerQueue<Integer> timers = fill(original);
    String file = checkpoint(original, timers);

    KeyedStateBackend<Integer> untouched = backend(second);
    untouched.restore(List.of(file));
    untouched.getOrCreateKeyedState(VALUE); // one registered, the others carried over
    String carried = checkpoint(untouched, Map.of());

    KeyedStateBackend<Integer> restored = backend(first);
    restored.restore(List.of(carried));
    KeyGroupedTimerQueue<Integer> restoredTimers = new KeyGroupedTimerQueue<>(ALL.size());
    restored.restoreTimers("event", restoredTimers);
    assertFilled(restored, restoredTimers);
    assertTtlTimestampsKept(restored);
  }

  @ParameterizedTest
  @CsvSource({"heap", "rocksdb"})
  void windowNamespacesMergeAfterARestore(String name) throws Exception {
    KeyedStateBackend<Integer> original = backend(name.equals("heap") ? "rocksdb" : "heap");
    KeyGroupedTimerQueue<Integer> timers = fill(original);
    KeyedStateBackend<Integer> backend = backend(name);
    backend.restore(List.of(checkpoint(original, timers)));
    ListState<Long> list = backend.getOrCreateKeyedState(LIST);
    ReducingState<Long> sum = backend.getOrCreateKeyedState(SUM);
    for (int k = 0; k < KEYS; k++) {
      backend.setCurrentKey(k);
      ((InternalMergingState) list).mergeNamespaces(W1, List.of(W2));
      ((InternalMergingState) sum).mergeNamespaces(W1, List.of(W2));
      ((InternalKvState) list).setCurrentNamespace(W1);
      ((InternalKvState) sum).setCurrentNamespace(W1);
      assertThat(list.get()).containsExactly((long) k, (long) -k);
      assertThat(sum.get()).isEqualTo(3L * k);
      ((InternalKvState) list).setCurrentNamespace(W2);
      assertThat(((InternalKvState) list).hasEntry()).isFalse();
      ((InternalKvState) list).setCurrentNamespace(null);
      ((InternalKvState) sum).setCurrentNamespace(null);
    }
    backend.dispose();
  }

  /** Fills every state of every key; returns the timers. */
  private KeyGroupedTimerQueue<Integer> fill(KeyedStateBackend<Integer> backend) throws Exception {
    ValueState<String> value = backend.getOrCreateKeyedState(VALUE);
    ValueState<Long> ttlValue = backend.getOrCreateKeyedState(TTL_VALUE);
    ListState<Long> list = backend.getOrCreateKeyedState(LIST);
    MapState<String, Long> map = backend.getOrCreateKeyedState(MAP);
    ReducingState<Long> sum = backend.getOrCreateKeyedState(SUM);
    AggregatingState<Long, String> count = backend.getOrCreateKeyedState(COUNT);
    ValueState<Long> internal = backend.getValueState("_reduce", Types.LONG.createSerializer());
    KeyGroupedTimerQueue<Integer> timers = new KeyGroupedTimerQueue<>(ALL.size());
    for (int k = 0; k < KEYS; k++) {
      backend.setCurrentKey(k);
      value.update("v" + k);
      ttlValue.update((long) k);
      list.add((long) k);
      list.add((long) -k);
      map.put("a", (long) k);
      map.put("b", null);
      if (k % 2 == 0) {
        map.put("c" + k, 1L);
      }
      sum.add((long) k);
      count.add((long) k);
      count.add((long) k);
      internal.update(k * 10L);
      // the same states in two window namespaces
      ((InternalKvState) list).setCurrentNamespace(W1);
      list.add((long) k);
      ((InternalKvState) list).setCurrentNamespace(W2);
      list.add((long) -k);
      ((InternalKvState) list).setCurrentNamespace(null);
      ((InternalKvState) sum).setCurrentNamespace(W1);
      sum.add((long) k);
      ((InternalKvState) sum).setCurrentNamespace(W2);
      sum.add(2L * k);
      ((InternalKvState) sum).setCurrentNamespace(null);
      timers.add(500L + k, k, W1, backend.getCurrentKeyGroupIndex());
      timers.add(600L + k, k, null, backend.getCurrentKeyGroupIndex());
    }
    return timers;
  }

  private void assertFilled(
      KeyedStateBackend<Integer> backend, KeyGroupedTimerQueue<Integer> timers) throws Exception {
    ValueState<String> value = backend.getOrCreateKeyedState(VALUE);
    ValueState<Long> ttlValue = backend.getOrCreateKeyedState(TTL_VALUE);
    ListState<Long> list = backend.getOrCreateKeyedState(LIST);
    MapState<String, Long> map = backend.getOrCreateKeyedState(MAP);
    ReducingState<Long> sum = backend.getOrCreateKeyedState(SUM);
    AggregatingState<Long, String> count = backend.getOrCreateKeyedState(COUNT);
    ValueState<Long> internal = backend.getValueState("_reduce", Types.LONG.createSerializer());
    for (int k = 0; k < KEYS; k++) {
      backend.setCurrentKey(k);
      assertThat(value.value()).isEqualTo("v" + k);
      assertThat(ttlValue.value()).isEqualTo((long) k);

      assertThat(list.get()).containsExactly((long) k, (long) -k);
      Map<String, Long> entries = new HashMap<>();
      map.entries().forEach(e -> entries.put(e.getKey(), e.getValue()));
      Map<String, Long> expected = new HashMap<>();
      expected.put("a", (long) k);
      expected.put("b", null);
      if (k % 2 == 0) {
        expected.put("c" + k, 1L);
      }
      assertThat(entries).isEqualTo(expected);
      assertThat(map.contains("b")).isTrue();
      assertThat(sum.get()).isEqualTo((long) k);
      assertThat(count.get()).isEqualTo("n=2 sum=" + (2L * k));
      assertThat(internal.value()).isEqualTo(k * 10L);
      ((InternalKvState) list).setCurrentNamespace(W1);
      assertThat(list.get()).containsExactly((long) k);
      ((InternalKvState) list).setCurrentNamespace(W2);
      assertThat(list.get()).containsExactly((long) -k);
      ((InternalKvState) list).setCurrentNamespace(null);
      ((InternalKvState) sum).setCurrentNamespace(W2);
      assertThat(sum.get()).isEqualTo(2L * k);
      ((InternalKvState) sum).setCurrentNamespace(null);
    }
    List<Object> namespaced = new ArrayList<>();
    ((InternalKvState) list).forEachNamespacedEntry((key, ns) -> namespaced.add(ns));
    assertThat(namespaced).hasSize(2 * KEYS);
    List<String> fired = new ArrayList<>();
    for (int g = 0; g < ALL.size(); g++) {
      for (InternalTimer<Integer> t : timers.timersOfKeyGroup(g)) {
        fired.add(t.getTimestamp() + ":" + t.getKey() + ":" + t.getNamespace());
      }
    }
    assertThat(fired).hasSize(2 * KEYS).contains("507:7:" + W1, "607:7:null");
  }

  /** The TTL timestamps came along: ten seconds after the writes the value is gone. */
  private void assertTtlTimestampsKept(KeyedStateBackend<Integer> backend) {
    ValueState<Long> ttlValue = backend.getOrCreateKeyedState(TTL_VALUE);
    backend.setCurrentKey(3);
    assertThat(ttlValue.value()).isEqualTo(3L);
    clock.advance(Duration.ofSeconds(10));
    assertThat(ttlValue.value()).isNull();
  }

  private String checkpoint(
      KeyedStateBackend<Integer> backend, Map<String, KeyGroupedTimerQueue<Integer>> timers)
      throws Exception {
    StateWriter snapshot = backend.snapshot(timers);
    int id = ++checkpointId;
    CheckpointStorage storage = CheckpointStorages.storage(checkpoints.toString(), "job");
    storage.initCheckpoint(id);
    CheckpointStreamFactory files =
        CheckpointStorages.streamFactory(checkpoints.toString(), "job", 0, id, 0);
    try {
      StateFileHandle handle = files.writeKeyedState(id, 0, "op", ALL, snapshot);
      storage.completeCheckpoint(new CheckpointMetadata(id, 0, List.of(handle)));
      return storage.latestRestorable().orElseThrow().stateFileLocation(handle);
    } finally {
      snapshot.release();
    }
  }

  private String checkpoint(
      KeyedStateBackend<Integer> backend, KeyGroupedTimerQueue<Integer> timers) throws Exception {
    return checkpoint(backend, Map.of("event", timers));
  }

  /** Counts and sums its input; the accumulator is a long pair packed as "n,sum"... kept simple. */
  private static final class Count implements AggregateFunction<Long, Long, String> {
    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(Long value, Long accumulator) {
      // the high 20 bits count, the low bits sum (small numbers in this test)
      return accumulator + (1L << 40) + value;
    }

    @Override
    public String getResult(Long accumulator) {
      return "n=" + (accumulator >>> 40) + " sum=" + (accumulator & ((1L << 40) - 1));
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }
}
