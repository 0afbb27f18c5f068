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
import io.eddy.api.common.state.StateDescriptor;
import io.eddy.api.common.state.StateTtlConfig;
import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.state.ValueStateDescriptor;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.api.windowing.windows.TimeWindow;
import io.eddy.runtime.keygroup.KeyGroupRangeAssignment;
import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.state.InternalKvState;
import io.eddy.runtime.state.InternalMergingState;
import io.eddy.runtime.state.TimeWindowSerializer;
import io.eddy.runtime.state.timers.InternalTimer;
import io.eddy.runtime.state.timers.KeyGroupedTimerQueue;
import io.eddy.runtime.state.ttl.ManualTtlTimeProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keyed state snapshot → file → restore, at the same and at other parallelisms. */
class HeapKeyedStateSnapshotTest {
  private static final int MAX_PARALLELISM = 128;
  private static final long START = 1_000;
  private static final Duration TTL = Duration.ofMillis(100);
  private static final TypeSerializer<String> KEYS =
      TypeInformation.of(String.class).createSerializer();
  private static final TimeWindow W1 = new TimeWindow(0, 10);
  private static final TimeWindow W2 = new TimeWindow(10, 20);

  @TempDir Path dir;
  private final ManualTtlTimeProvider clock = new ManualTtlTimeProvider(START);

  static final class Sum implements AggregateFunction<Integer, Long, Long> {
    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(Integer value, Long acc) {
      return acc + value;
    }

    @Override
    public Long getResult(Long acc) {
      return acc;
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }

  /** Fresh descriptors of one state of every kind, with or without TTL. */
  private static List<StateDescriptor<?, ?>> descriptors(boolean ttl) {
    List<StateDescriptor<?, ?>> list =
        List.of(
            new ValueStateDescriptor<>("value", String.class),
            new ListStateDescriptor<>("list", Integer.class),
            new MapStateDescriptor<>("map", String.class, Long.class),
            new ReducingStateDescriptor<>("reducing", Integer::sum, Integer.class),
            new AggregatingStateDescriptor<>("aggregating", new Sum(), Long.class));
    if (ttl) {
      list.forEach(
          d ->
              d.enableTimeToLive(
                  StateTtlConfig.newBuilder(TTL).disableCleanupInBackground().build()));
    }
    return list;
  }

  private HeapKeyedStateBackend<String> backend(KeyGroupRange range) {
    return new HeapKeyedStateBackend<>(range, MAX_PARALLELISM, clock);
  }

  @SuppressWarnings("unchecked")
  private static <S> S state(
      HeapKeyedStateBackend<String> b, List<StateDescriptor<?, ?>> d, int i) {
    return (S) b.getOrCreateKeyedState((StateDescriptor) d.get(i));
  }

  /** Writes every kind of state for key {@code k}, without namespace and in windows W1, W2. */
  private static void fill(HeapKeyedStateBackend<String> b, List<StateDescriptor<?, ?>> d, int k) {
    ValueState<String> value = state(b, d, 0);
    ListState<Integer> list = state(b, d, 1);
    MapState<String, Long> map = state(b, d, 2);
    ReducingState<Integer> reducing = state(b, d, 3);
    AggregatingState<Integer, Long> aggregating = state(b, d, 4);
    b.setCurrentKey(key(k));
    value.update("v" + k);
    list.update(List.of(k, k + 1));
    map.put("a", (long) k);
    map.put("b", null);
    reducing.add(k);
    reducing.add(1);
    aggregating.add(k);
    aggregating.add(2);
    for (TimeWindow window : List.of(W1, W2)) {
      ((InternalKvState) list).setCurrentNamespace(window);
      ((InternalKvState) reducing).setCurrentNamespace(window);
      list.add((int) window.getStart() + k);
      reducing.add((int) window.getEnd() + k);
    }
    ((InternalKvState) list).setCurrentNamespace(null);
    ((InternalKvState) reducing).setCurrentNamespace(null);
  }

  /** Asserts that {@code b} holds what {@link #fill} wrote for key {@code k}. */
  private static void assertFilled(
      HeapKeyedStateBackend<String> b, List<StateDescriptor<?, ?>> d, int k) {
    ValueState<String> value = state(b, d, 0);
    ListState<Integer> list = state(b, d, 1);
    MapState<String, Long> map = state(b, d, 2);
    ReducingState<Integer> reducing = state(b, d, 3);
    AggregatingState<Integer, Long> aggregating = state(b, d, 4);
    b.setCurrentKey(key(k));
    assertThat(value.value()).isEqualTo("v" + k);
    assertThat(list.get()).containsExactly(k, k + 1);
    assertThat(map.get("a")).isEqualTo((long) k);
    assertThat(map.contains("b")).isTrue();
    assertThat(map.get("b")).isNull();
    assertThat(reducing.get()).isEqualTo(k + 1);
    assertThat(aggregating.get()).isEqualTo(k + 2L);
    for (TimeWindow window : List.of(W1, W2)) {
      ((InternalKvState) list).setCurrentNamespace(window);
      ((InternalKvState) reducing).setCurrentNamespace(window);
      assertThat(list.get()).containsExactly((int) window.getStart() + k);
      assertThat(reducing.get()).isEqualTo((int) window.getEnd() + k);
    }
    ((InternalKvState) list).setCurrentNamespace(null);
    ((InternalKvState) reducing).setCurrentNamespace(null);
  }

  private static String key(int k) {
    return "key-" + k;
  }

  private Path write(HeapKeyedStateBackend<String> b, String name) throws IOException {
    Path file = dir.resolve(name);
    HeapKeyedStateSnapshot snapshot =
        HeapKeyedStateSnapshot.take(b, KEYS, TimeWindowSerializer.INSTANCE);
    try (OutputStream out = Files.newOutputStream(file)) {
      snapshot.writeTo(out);
    }
    return file;
  }

  private HeapKeyedStateRestore<String> restorer(
      HeapKeyedStateBackend<String> b, List<StateDescriptor<?, ?>> d) {
    return new HeapKeyedStateRestore<>(b, KEYS, TimeWindowSerializer.INSTANCE, d);
  }

  private static int totalKeys(HeapKeyedStateBackend<String> b) {
    int total = 0;
    for (String name : b.registeredDescriptors().keySet()) {
      total += b.registeredState(name).numKeys();
    }
    return total;
  }

  @Test
  void everyStateKindRoundTripsWithoutTtl() throws IOException {
    roundTrip(false);
  }

  @Test
  void everyStateKindRoundTripsWithTtlKeepingTheTimestamps() throws IOException {
    roundTrip(true);
    // restored timestamps are the original ones: one millisecond before expiry all is there ...
    clock.set(START + TTL.toMillis() - 1);
    HeapKeyedStateBackend<String> restored = backend(new KeyGroupRange(0, MAX_PARALLELISM - 1));
    List<StateDescriptor<?, ?>> d = descriptors(true);
    restorer(restored, d).restore(dir.resolve("all").toString());
    assertFilled(restored, d, 7);
    // ... and at expiry it is gone
    clock.set(START + TTL.toMillis());
    ValueState<String> value = state(restored, d, 0);
    MapState<String, Long> map = state(restored, d, 2);
    restored.setCurrentKey(key(7));
    assertThat(value.value()).isNull();
    assertThat(map.isEmpty()).isTrue();
  }

  private void roundTrip(boolean ttl) throws IOException {
    KeyGroupRange all = new KeyGroupRange(0, MAX_PARALLELISM - 1);
    HeapKeyedStateBackend<String> original = backend(all);
    List<StateDescriptor<?, ?>> d = descriptors(ttl);
    for (int k = 0; k < 50; k++) {
      fill(original, d, k);
    }
    Path file = write(original, "all");

    HeapKeyedStateBackend<String> restored = backend(all);
    List<StateDescriptor<?, ?>> fresh = descriptors(ttl);
    assertThat(restorer(restored, fresh).restore(file.toString())).isEqualTo(MAX_PARALLELISM);
    for (int k = 0; k < 50; k++) {
      assertFilled(restored, fresh, k);
    }
    assertThat(totalKeys(restored)).isEqualTo(totalKeys(original));
  }

  @Test
  void stateWithoutTtlRestoresIntoStateWithTtlStampedWithTheRestoreTime() throws IOException {
    KeyGroupRange all = new KeyGroupRange(0, MAX_PARALLELISM - 1);
    HeapKeyedStateBackend<String> original = backend(all);
    fill(original, descriptors(false), 3);
    Path file = write(original, "plain");
    clock.set(START + 50);
    HeapKeyedStateBackend<String> restored = backend(all);
    List<StateDescriptor<?, ?>> d = descriptors(true);
    restorer(restored, d).restore(file.toString());
    clock.set(START + 50 + TTL.toMillis() - 1);
    assertFilled(restored, d, 3);
  }

  @Test
  void restoringAtAnotherParallelismPutsEveryKeyExactlyOnceInItsOwner() throws IOException {
    int keys = 300;
    List<Path> files = new ArrayList<>();
    for (int subtask = 0; subtask < 2; subtask++) {
      KeyGroupRange range =
          KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(MAX_PARALLELISM, 2, subtask);
      HeapKeyedStateBackend<String> b = backend(range);
      List<StateDescriptor<?, ?>> d = descriptors(false);
      for (int k = 0; k < keys; k++) {
        if (KeyGroupRangeAssignment.assignKeyToParallelOperator(key(k), MAX_PARALLELISM, 2)
            == subtask) {
          fill(b, d, k);
        }
      }
      files.add(write(b, "p2-" + subtask));
    }
    for (int parallelism : new int[] {3, 1}) {
      int total = 0;
      for (int subtask = 0; subtask < parallelism; subtask++) {
        KeyGroupRange range =
            KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
                MAX_PARALLELISM, parallelism, subtask);
        HeapKeyedStateBackend<String> b = backend(range);
        List<StateDescriptor<?, ?>> d = descriptors(false);
        int loaded = 0;
        for (Path file : files) {
          loaded += restorer(b, d).restore(file.toString());
        }
        assertThat(loaded).isEqualTo(range.size());
        for (int k = 0; k < keys; k++) {
          if (KeyGroupRangeAssignment.assignKeyToParallelOperator(
                  key(k), MAX_PARALLELISM, parallelism)
              == subtask) {
            assertFilled(b, d, k);
          }
        }
        total += totalKeys(b);
      }
      // 5 states per key, plus 2 windows each for the list and reducing state
      assertThat(total).as("entries at parallelism %d", parallelism).isEqualTo(keys * 9);
    }
  }

  @Test
  void timersRoundTripAndMoveWithTheirKeyGroupsWhenRescaling() throws IOException {
    int keys = 200;
    List<Path> files = new ArrayList<>();
    for (int subtask = 0; subtask < 2; subtask++) {
      KeyGroupRange range =
          KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(MAX_PARALLELISM, 2, subtask);
      HeapKeyedStateBackend<String> b = backend(range);
      KeyGroupedTimerQueue<String> eventTime = new KeyGroupedTimerQueue<>(range.size());
      KeyGroupedTimerQueue<String> processingTime = new KeyGroupedTimerQueue<>(range.size());
      for (int k = 0; k < keys; k++) {
        int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key(k), MAX_PARALLELISM);
        if (range.contains(keyGroup)) {
          eventTime.add(k, key(k), keyGroup - range.start());
          eventTime.add(k + 1_000, key(k), W1, keyGroup - range.start());
          processingTime.add(k + 2_000, key(k), W2, keyGroup - range.start());
        }
      }
      Path file = dir.resolve("timers-" + subtask);
      try (OutputStream out = Files.newOutputStream(file)) {
        HeapKeyedStateSnapshot.take(
                b,
                Map.of("event", eventTime, "processing", processingTime),
                KEYS,
                TimeWindowSerializer.INSTANCE)
            .writeTo(out);
      }
      files.add(file);
    }
    int eventTimers = 0;
    for (int subtask = 0; subtask < 3; subtask++) {
      KeyGroupRange range =
          KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(MAX_PARALLELISM, 3, subtask);
      KeyGroupedTimerQueue<String> eventTime = new KeyGroupedTimerQueue<>(range.size());
      KeyGroupedTimerQueue<String> processingTime = new KeyGroupedTimerQueue<>(range.size());
      HeapKeyedStateRestore<String> restore =
          new HeapKeyedStateRestore<>(
              backend(range),
              Map.of("event", eventTime, "processing", processingTime),
              KEYS,
              TimeWindowSerializer.INSTANCE,
              List.of());
      for (Path file : files) {
        restore.restore(file.toString());
      }
      assertThat(processingTime.size() * 2).isEqualTo(eventTime.size());
      eventTimers += eventTime.size();
      long previous = Long.MIN_VALUE;
      while (eventTime.size() > 0) {
        InternalTimer<String> timer = eventTime.poll();
        assertThat(timer.getTimestamp()).isGreaterThanOrEqualTo(previous);
        previous = timer.getTimestamp();
        int k = (int) (timer.getTimestamp() % 1_000);
        assertThat(timer.getKey()).isEqualTo(key(k));
        assertThat(timer.<TimeWindow>getNamespace())
            .isEqualTo(timer.getTimestamp() < 1_000 ? null : W1);
        int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key(k), MAX_PARALLELISM);
        assertThat(range.contains(keyGroup)).isTrue();
        assertThat(timer.getKeyGroupIndex()).isEqualTo(keyGroup - range.start());
      }
    }
    assertThat(eventTimers).isEqualTo(keys * 2);
  }

  @Test
  void timersWithoutATargetQueueAreAnError() throws IOException {
    KeyGroupRange all = new KeyGroupRange(0, MAX_PARALLELISM - 1);
    KeyGroupedTimerQueue<String> queue = new KeyGroupedTimerQueue<>(all.size());
    Path file = dir.resolve("timers");
    try (OutputStream out = Files.newOutputStream(file)) {
      HeapKeyedStateSnapshot.take(backend(all), Map.of("event", queue), KEYS, null).writeTo(out);
    }
    assertThatThrownBy(() -> restorer(backend(all), List.of()).restore(file.toString()))
        .hasMessageContaining("no timer queue given for the snapshot's timers 'event'");
  }

  @Test
  void writingOnAnotherThreadSeesTheStateAsItWasWhenTaken() throws Exception {
    KeyGroupRange all = new KeyGroupRange(0, MAX_PARALLELISM - 1);
    HeapKeyedStateBackend<String> original = backend(all);
    ValueStateDescriptor<String> names = new ValueStateDescriptor<>("names", String.class);
    ValueStateDescriptor<int[]> arrays = new ValueStateDescriptor<>("arrays", int[].class);
    ValueState<String> name = original.getOrCreateKeyedState(names);
    ValueState<int[]> array = original.getOrCreateKeyedState(arrays);
    KeyGroupedTimerQueue<String> timers = new KeyGroupedTimerQueue<>(all.size());
    for (int k = 0; k < 100; k++) {
      original.setCurrentKey(key(k));
      name.update("n" + k);
      array.update(new int[] {k});
      timers.add(k, key(k), KeyGroupRangeAssignment.assignToKeyGroup(key(k), MAX_PARALLELISM));
    }
    HeapKeyedStateSnapshot snapshot =
        HeapKeyedStateSnapshot.take(original, Map.of("t", timers), KEYS, null);
    // the task goes on: replaces, removes, grows the maps, changes a stored array in place
    for (int k = 0; k < 1_000; k++) {
      original.setCurrentKey(key(k));
      if (k % 2 == 0) {
        name.clear();
      } else {
        name.update("changed");
      }
      if (k < 100) {
        array.value()[0] = -1;
        array.update(array.value());
      }
      timers.add(5_000 + k, key(k), KeyGroupRangeAssignment.assignToKeyGroup(key(k), 128));
    }
    while (timers.size() > 900) {
      timers.poll();
    }
    Path file = dir.resolve("async");
    Exception[] failure = new Exception[1];
    Thread writer =
        new Thread(
            () -> {
              try (OutputStream out = Files.newOutputStream(file)) {
                snapshot.writeTo(out);
              } catch (Exception e) {
                failure[0] = e;
              }
            });
    writer.start();
    writer.join();
    assertThat(failure[0]).isNull();

    HeapKeyedStateBackend<String> restored = backend(all);
    KeyGroupedTimerQueue<String> restoredTimers = new KeyGroupedTimerQueue<>(all.size());
    new HeapKeyedStateRestore<>(
            restored,
            Map.of("t", restoredTimers),
            KEYS,
            null,
            List.of(
                new ValueStateDescriptor<>("names", String.class),
                new ValueStateDescriptor<>("arrays", int[].class)))
        .restore(file.toString());
    ValueState<String> restoredName = restored.getOrCreateKeyedState(names);
    ValueState<int[]> restoredArray = restored.getOrCreateKeyedState(arrays);
    for (int k = 0; k < 1_000; k++) {
      restored.setCurrentKey(key(k));
      assertThat(restoredName.value()).isEqualTo(k < 100 ? "n" + k : null);
      assertThat(restoredArray.value()).isEqualTo(k < 100 ? new int[] {k} : null);
    }
    assertThat(restoredTimers.size()).isEqualTo(100);
    assertThat(restoredTimers.peek().getTimestamp()).isEqualTo(0);
  }

  @Test
  void theSnapshotIsACopyThatLaterChangesDoNotReach() throws IOException {
    KeyGroupRange all = new KeyGroupRange(0, MAX_PARALLELISM - 1);
    HeapKeyedStateBackend<String> original = backend(all);
    List<StateDescriptor<?, ?>> d = descriptors(false);
    fill(original, d, 5);
    HeapKeyedStateSnapshot snapshot =
        HeapKeyedStateSnapshot.take(original, KEYS, TimeWindowSerializer.INSTANCE);
    ListState<Integer> list = state(original, d, 1);
    AggregatingState<Integer, Long> aggregating = state(original, d, 4);
    original.setCurrentKey(key(5));
    list.add(99);
    aggregating.add(1000);
    fill(original, d, 6);
    Path file = dir.resolve("copy");
    try (OutputStream out = Files.newOutputStream(file)) {
      snapshot.writeTo(out);
    }
    HeapKeyedStateBackend<String> restored = backend(all);
    List<StateDescriptor<?, ?>> fresh = descriptors(false);
    restorer(restored, fresh).restore(file.toString());
    assertFilled(restored, fresh, 5);
    ValueState<String> value = state(restored, fresh, 0);
    restored.setCurrentKey(key(6));
    assertThat(value.value()).isNull();
  }

  @Test
  void aDamagedBlockOrAnotherKeySerializerIsAnError() throws IOException {
    KeyGroupRange all = new KeyGroupRange(0, MAX_PARALLELISM - 1);
    HeapKeyedStateBackend<String> original = backend(all);
    for (int k = 0; k < 20; k++) {
      fill(original, descriptors(false), k);
    }
    Path file = write(original, "damaged");
    TypeSerializer<Integer> ints = TypeInformation.of(Integer.class).createSerializer();
    assertThatThrownBy(
            () ->
                new HeapKeyedStateRestore<>(
                        new HeapKeyedStateBackend<Integer>(all, MAX_PARALLELISM),
                        ints,
                        TimeWindowSerializer.INSTANCE,
                        descriptors(false))
                    .restore(file.toString()))
        .hasMessageContaining("the snapshot's key serializer is " + KEYS.getClass().getName());
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 10] ^= 0x01;
    Files.write(file, bytes);
    assertThatThrownBy(() -> restorer(backend(all), descriptors(false)).restore(file.toString()))
        .hasMessageStartingWith("Cannot restore keyed state from " + file + ": checksum mismatch");
  }

  @Test
  void aTruncatedFileIsAnErrorNamingIt() throws IOException {
    HeapKeyedStateBackend<String> original = backend(new KeyGroupRange(0, MAX_PARALLELISM - 1));
    List<StateDescriptor<?, ?>> d = descriptors(false);
    fill(original, d, 1);
    Path file = write(original, "truncated");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));
    HeapKeyedStateBackend<String> restored = backend(new KeyGroupRange(0, MAX_PARALLELISM - 1));
    assertThatThrownBy(() -> restorer(restored, descriptors(false)).restore(file.toString()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("truncated");
  }

  @Test
  void aStateWithoutDescriptorOrOfAnotherKindIsAnError() throws IOException {
    HeapKeyedStateBackend<String> original = backend(new KeyGroupRange(0, MAX_PARALLELISM - 1));
    fill(original, descriptors(false), 1);
    Path file = write(original, "kinds");
    HeapKeyedStateBackend<String> restored = backend(new KeyGroupRange(0, MAX_PARALLELISM - 1));
    assertThatThrownBy(
            () -> restorer(restored, descriptors(false).subList(0, 2)).restore(file.toString()))
        .hasMessageContaining("no descriptor given for state");
    List<StateDescriptor<?, ?>> wrongKind = new ArrayList<>(descriptors(false));
    wrongKind.set(0, new ListStateDescriptor<>("value", String.class));
    assertThatThrownBy(
            () -> restorer(backend(new KeyGroupRange(0, 127)), wrongKind).restore(file.toString()))
        .hasMessageContaining("'value' is VALUE in the snapshot but LIST");
  }

  @Test
  void internalValueStatesWithoutSerializerCannotBeSnapshotted() {
    HeapKeyedStateBackend<String> b = backend(new KeyGroupRange(0, MAX_PARALLELISM - 1));
    b.getValueState("_reduce");
    assertThatThrownBy(() -> HeapKeyedStateSnapshot.take(b, KEYS, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("_reduce");
  }

  // ---------------------------------------------------------------- copy-on-write

  /** A mutable POJO: state keeps it as is, and its serializer copies it field by field. */
  public static class Box {
    public int n;
    public String tag;

    public Box() {}

    Box(int n, String tag) {
      this.n = n;
      this.tag = tag;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Box b && b.n == n && Objects.equals(b.tag, tag);
    }

    @Override
    public int hashCode() {
      return 31 * n + Objects.hashCode(tag);
    }

    @Override
    public String toString() {
      return "Box(" + n + "," + tag + ")";
    }
  }

  /** Sums into a mutable accumulator, changed in place. */
  static final class BoxSum implements AggregateFunction<Integer, Box, Integer> {
    @Override
    public Box createAccumulator() {
      return new Box(0, "acc");
    }

    @Override
    public Box add(Integer value, Box acc) {
      acc.n += value;
      return acc;
    }

    @Override
    public Integer getResult(Box acc) {
      return acc.n;
    }

    @Override
    public Box merge(Box a, Box b) {
      a.n += b.n;
      return a;
    }
  }

  private static final TypeSerializer<Box> BOXES = TypeInformation.of(Box.class).createSerializer();

  private static final TimeWindow W3 = new TimeWindow(0, 20);

  /**
   * One state of every kind holding mutable objects (reduce and aggregate change them in place),
   * plus a list and a value of immutable types; with TTL all clean up incrementally.
   */
  private static List<StateDescriptor<?, ?>> mutableDescriptors(boolean ttl) {
    List<StateDescriptor<?, ?>> list =
        List.of(
            new ValueStateDescriptor<>("value", Box.class),
            new ListStateDescriptor<>("list", Box.class),
            new MapStateDescriptor<>("map", String.class, Box.class),
            new ReducingStateDescriptor<>(
                "reducing",
                (a, b) -> {
                  a.n += b.n;
                  return a;
                },
                Box.class),
            new AggregatingStateDescriptor<>("aggregating", new BoxSum(), Box.class),
            new ListStateDescriptor<>("ints", Integer.class),
            new ValueStateDescriptor<>("names", String.class));
    if (ttl) {
      list.forEach(
          d ->
              d.enableTimeToLive(
                  StateTtlConfig.newBuilder(TTL).cleanupIncrementally(3, false).build()));
    }
    return list;
  }

  /** A backend that takes part in checkpoints (it has a key serializer). */
  private HeapKeyedStateBackend<String> checkpointed() {
    return new HeapKeyedStateBackend<>(
        new KeyGroupRange(0, MAX_PARALLELISM - 1), MAX_PARALLELISM, clock, KEYS);
  }

  /** Registers the states of {@code d} and an internal value state of mutable values. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void register(HeapKeyedStateBackend<String> b, List<StateDescriptor<?, ?>> d) {
    d.forEach(descriptor -> b.getOrCreateKeyedState((StateDescriptor) descriptor));
    b.getValueState("internal", BOXES);
  }

  /** Writes key {@code k} into every state, also into windows W1 and W2. */
  private static void fillMutable(
      HeapKeyedStateBackend<String> b, List<StateDescriptor<?, ?>> d, int k) {
    ValueState<Box> value = state(b, d, 0);
    ListState<Box> list = state(b, d, 1);
    MapState<String, Box> map = state(b, d, 2);
    ReducingState<Box> reducing = state(b, d, 3);
    AggregatingState<Integer, Integer> aggregating = state(b, d, 4);
    ListState<Integer> ints = state(b, d, 5);
    ValueState<String> names = state(b, d, 6);
    HeapValueState<String, Box> internal = b.getValueState("internal", BOXES);
    b.setCurrentKey(key(k));
    value.update(new Box(k, "v"));
    list.add(new Box(k, "l"));
    list.add(new Box(k + 1, "l"));
    map.put("a", new Box(k, "m"));
    map.put("b", new Box(-k, "m"));
    reducing.add(new Box(k, "r"));
    reducing.add(new Box(1, "r"));
    aggregating.add(k);
    aggregating.add(2);
    ints.add(k);
    names.update("n" + k);
    internal.update(new Box(k, "i"));
    for (TimeWindow window : List.of(W1, W2)) {
      inWindow(window, list, reducing, aggregating);
      list.add(new Box(k + (int) window.getStart(), "w"));
      reducing.add(new Box(k, "w"));
      aggregating.add(k);
    }
    inWindow(null, list, reducing, aggregating);
  }

  /** Changes key {@code k} in every state in every way: in place, by replacing, by removing. */
  private static void mutate(
      HeapKeyedStateBackend<String> b, List<StateDescriptor<?, ?>> d, int k) {
    ValueState<Box> value = state(b, d, 0);
    ListState<Box> list = state(b, d, 1);
    MapState<String, Box> map = state(b, d, 2);
    ReducingState<Box> reducing = state(b, d, 3);
    AggregatingState<Integer, Integer> aggregating = state(b, d, 4);
    ListState<Integer> ints = state(b, d, 5);
    ValueState<String> names = state(b, d, 6);
    HeapValueState<String, Box> internal = b.getValueState("internal", BOXES);
    b.setCurrentKey(key(k));
    if (k % 3 == 1) {
      value.clear();
      names.clear();
      list.clear();
    } else {
      Box v = value.value();
      if (v == null) {
        v = new Box(0, "new");
      }
      v.n += 1000; // changed in place, then stored again
      v.tag = "changed";
      value.update(v);
      names.update("changed" + k);
      List<Box> elements = new ArrayList<>();
      for (Box element : list.get()) {
        element.n += 7;
        elements.add(element);
      }
      elements.add(new Box(k, "appended"));
      list.update(elements);
      list.add(new Box(k, "added"));
    }
    Box a = map.get("a");
    if (a != null) {
      a.n += 5;
      map.put("a", a);
    }
    map.remove("b");
    map.put("c" + k, new Box(k, "c"));
    if (k % 5 == 0) {
      Iterator<Map.Entry<String, Box>> entries = map.iterator();
      entries.next();
      entries.remove();
    }
    reducing.add(new Box(3, "r"));
    aggregating.add(4);
    ints.add(k * 10);
    Box i = internal.value();
    if (i == null) {
      internal.update(new Box(k, "new"));
    } else {
      i.n += 100;
      internal.update(i);
    }
    inWindow(W1, list, reducing, aggregating);
    list.add(new Box(k, "w1"));
    reducing.add(new Box(100, "w1"));
    aggregating.add(100);
    if (k % 2 == 0) {
      ((InternalMergingState) list).mergeNamespaces(W3, List.of(W1, W2));
      ((InternalMergingState) reducing).mergeNamespaces(W3, List.of(W1, W2));
      ((InternalMergingState) aggregating).mergeNamespaces(W3, List.of(W1, W2));
    }
    inWindow(null, list, reducing, aggregating);
  }

  private static void inWindow(TimeWindow window, Object... states) {
    for (Object state : states) {
      ((InternalKvState) state).setCurrentNamespace(window);
    }
  }

  /**
   * Everything {@code b} stores, rendered: state and (key, namespace) to value, TTL timestamps
   * included. Reads the tables directly, so it neither expires nor copies anything.
   */
  private static Map<String, String> dump(HeapKeyedStateBackend<String> b) {
    Map<String, String> out = new TreeMap<>();
    for (String name : b.registeredDescriptors().keySet()) {
      dumpTable(name, b.registeredState(name).table, out);
    }
    for (HeapValueState<String, ?> state : b.internalValueStates()) {
      dumpTable(state.name(), state.table, out);
    }
    return out;
  }

  private static void dumpTable(String name, StateTable<Object, ?> table, Map<String, String> out) {
    for (int g = 0; g < table.numKeyGroups(); g++) {
      table.map(g).forEach((key, stored) -> out.put(name + "/" + key, render(stored)));
    }
  }

  private static String render(Object stored) {
    if (stored instanceof TtlValue<?> ttl) {
      return ttl.timestamp + ":" + render(ttl.value);
    }
    if (stored instanceof List<?> list) {
      return list.stream().map(HeapKeyedStateSnapshotTest::render).toList().toString();
    }
    if (stored instanceof Map<?, ?> map) {
      Map<String, String> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), render(v)));
      return sorted.toString();
    }
    return String.valueOf(stored);
  }

  private static long copies(HeapKeyedStateBackend<String> b) {
    long copies = 0;
    for (String name : b.registeredDescriptors().keySet()) {
      copies += b.registeredState(name).table.copies();
    }
    for (HeapValueState<String, ?> state : b.internalValueStates()) {
      copies += state.table.copies();
    }
    return copies;
  }

  /** Writes {@code snapshot} on a thread of its own, as the checkpoint I/O thread does. */
  private Path writeOnAnotherThread(HeapKeyedStateSnapshot snapshot, String name) throws Exception {
    Path file = dir.resolve(name);
    Exception[] failure = new Exception[1];
    Thread writer =
        new Thread(
            () -> {
              try (OutputStream out = Files.newOutputStream(file)) {
                snapshot.writeTo(out);
              } catch (Exception e) {
                failure[0] = e;
              }
            });
    writer.start();
    writer.join();
    assertThat(failure[0]).isNull();
    return file;
  }

  /** What a fresh backend holds after restoring {@code file} and registering the states. */
  private Map<String, String> restoredDump(Path file, boolean ttl) throws IOException {
    List<StateDescriptor<?, ?>> d = mutableDescriptors(ttl);
    HeapKeyedStateBackend<String> restored = checkpointed();
    restored.restore(List.of(file.toString()));
    register(restored, d);
    return dump(restored);
  }

  @Test
  void theMutableObjectsOfEveryStateKindAreCopiedBeforeTheyChangeWhileTheSnapshotIsWritten()
      throws Exception {
    copyOnWrite(false);
  }

  @Test
  void withTtlTimestampsAndIncrementalCleanupDoNotReachTheSnapshotEither() throws Exception {
    copyOnWrite(true);
  }

  private void copyOnWrite(boolean ttl) throws Exception {
    assertThat(BOXES.isImmutableType()).isFalse();
    List<StateDescriptor<?, ?>> d = mutableDescriptors(ttl);
    HeapKeyedStateBackend<String> b = checkpointed();
    register(b, d);
    for (int k = 0; k < 200; k++) {
      fillMutable(b, d, k);
    }
    clock.set(START + 50); // with TTL: what follows expires later than what came before
    for (int k = 0; k < 200; k += 2) {
      ListState<Box> list = state(b, d, 1);
      MapState<String, Box> map = state(b, d, 2);
      b.setCurrentKey(key(k));
      list.add(new Box(-k, "late"));
      map.put("late", new Box(k, "late"));
    }
    Map<String, String> atSnapshot = dump(b);
    HeapKeyedStateSnapshot snapshot = b.snapshot(Map.of());
    assertThat(copies(b)).isZero();

    // the task goes on: with TTL, what came first expired and is cleaned up while it changes
    clock.set(START + TTL.toMillis() + 20);
    for (int k = 0; k < 200; k++) {
      mutate(b, d, k);
    }
    for (int k = 200; k < 1_200; k++) { // every map grows (rehashes) several times
      fillMutable(b, d, k);
    }
    for (int k = 0; k < 1_200; k += 7) {
      mutate(b, d, k);
    }
    Map<String, String> live = dump(b);
    assertThat(live).isNotEqualTo(atSnapshot);
    assertThat(copies(b)).isPositive();

    Path file = writeOnAnotherThread(snapshot, ttl ? "cow-ttl" : "cow");
    assertThat(restoredDump(file, ttl)).isEqualTo(atSnapshot);
    assertThat(dump(b)).isEqualTo(live);
  }

  @Test
  void onceTheWriterFinishedNothingIsCopiedAnyMore() throws Exception {
    List<StateDescriptor<?, ?>> d = mutableDescriptors(false);
    HeapKeyedStateBackend<String> b = checkpointed();
    register(b, d);
    for (int k = 0; k < 100; k++) {
      fillMutable(b, d, k);
    }
    for (int k = 0; k < 100; k++) {
      mutate(b, d, k);
    }
    assertThat(copies(b)).as("copies without a snapshot").isZero();

    HeapKeyedStateSnapshot snapshot = b.snapshot(Map.of());
    ValueState<Box> value = state(b, d, 0);
    ValueState<String> names = state(b, d, 6);
    b.setCurrentKey(key(3));
    Box copy = value.value();
    assertThat(copies(b)).isEqualTo(1);
    assertThat(value.value()).as("copied once per snapshot").isSameAs(copy);
    names.update("immutable values are never copied");
    assertThat(b.registeredState("names").table.copies()).isZero();
    assertThat(copies(b)).isEqualTo(1);

    snapshot.writeTo(new ByteArrayOutputStream());
    long copiesWhileWriting = copies(b);
    for (int k = 0; k < 100; k++) {
      mutate(b, d, k);
    }
    b.setCurrentKey(key(5));
    Box stored = value.value();
    assertThat(value.value()).isSameAs(stored);
    assertThat(copies(b)).as("copies after the writer finished").isEqualTo(copiesWhileWriting);

    // a snapshot abandoned unwritten stops the copying too, and cannot be written any more
    HeapKeyedStateSnapshot abandoned = b.snapshot(Map.of());
    abandoned.release();
    for (int k = 0; k < 100; k++) {
      mutate(b, d, k);
    }
    assertThat(copies(b)).isEqualTo(copiesWhileWriting);
    assertThatThrownBy(() -> abandoned.writeTo(new ByteArrayOutputStream()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("released");
  }

  @Test
  void overlappingSnapshotsEachKeepTheirOwnState() throws Exception {
    List<StateDescriptor<?, ?>> d = mutableDescriptors(false);
    HeapKeyedStateBackend<String> b = checkpointed();
    register(b, d);
    for (int k = 0; k < 100; k++) {
      fillMutable(b, d, k);
    }
    Map<String, String> first = dump(b);
    HeapKeyedStateSnapshot older = b.snapshot(Map.of());
    for (int k = 0; k < 300; k++) {
      mutate(b, d, k);
    }
    Map<String, String> second = dump(b);
    HeapKeyedStateSnapshot newer = b.snapshot(Map.of());
    for (int k = 0; k < 300; k += 2) {
      mutate(b, d, k);
    }
    // the newer one finishes first; entries the older one shares must still be copied
    Path newerFile = writeOnAnotherThread(newer, "newer");
    for (int k = 0; k < 400; k++) {
      mutate(b, d, k);
    }
    Path olderFile = writeOnAnotherThread(older, "older");
    long copies = copies(b);
    for (int k = 0; k < 400; k++) {
      mutate(b, d, k);
    }
    assertThat(copies(b)).isEqualTo(copies);
    assertThat(restoredDump(olderFile, false)).isEqualTo(first);
    assertThat(restoredDump(newerFile, false)).isEqualTo(second);
  }
}
