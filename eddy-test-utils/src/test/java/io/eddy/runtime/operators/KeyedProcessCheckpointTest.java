package io.eddy.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.common.functions.AggregateFunction;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.functions.OpenContext;
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
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.runtime.snapshot.RestoredState;
import io.eddy.runtime.state.KeyedStateBackend;
import io.eddy.testutils.harness.HarnessSnapshot;
import io.eddy.testutils.harness.OneInputOperatorHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keyed state of every kind and timers of a keyed process operator through checkpoints: snapshot at
 * parallelism 2, restore into fresh operators at 2, 3 and 1. Elements are {@code "key:n"}; {@code
 * "key:?"} asks the function to print the key's state.
 */
class KeyedProcessCheckpointTest {
  private static final KeySelector<String, String> KEY = v -> v.substring(0, v.indexOf(':'));
  private static final int KEYS = 24;

  @TempDir Path dir;

  /** Counts characters, as an aggregating state. */
  static final class Length implements AggregateFunction<String, Long, Long> {
    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(String value, Long acc) {
      return acc + value.length();
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

  /**
   * Keeps one state of every kind (registered in open, the list with TTL) plus one registered only
   * when the first element arrives; sets an event-time timer at {@code 10 * n} and a
   * processing-time timer at {@code now + 100 + n}.
   */
  static final class AllStates extends KeyedProcessFunction<String, String, String> {
    private transient ValueState<Integer> count;
    private transient ListState<String> seen;
    private transient MapState<String, Integer> parity;
    private transient ReducingState<Integer> sum;
    private transient AggregatingState<String, Long> length;

    @Override
    public void open(OpenContext context) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Integer.class));
      ListStateDescriptor<String> seenDescriptor = new ListStateDescriptor<>("seen", String.class);
      seenDescriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofHours(1)).build());
      seen = getRuntimeContext().getListState(seenDescriptor);
      parity =
          getRuntimeContext()
              .getMapState(new MapStateDescriptor<>("parity", String.class, Integer.class));
      sum =
          getRuntimeContext()
              .getReducingState(new ReducingStateDescriptor<>("sum", Integer::sum, Integer.class));
      length =
          getRuntimeContext()
              .getAggregatingState(
                  new AggregatingStateDescriptor<>("length", new Length(), Long.class));
    }

    /** Registered after initializeState and open: must still find its restored values. */
    private ValueState<String> last() {
      return getRuntimeContext().getState(new ValueStateDescriptor<>("last", String.class));
    }

    @Override
    public void processElement(String value, Context ctx, Collector<String> out) throws Exception {
      String key = ctx.getCurrentKey();
      String arg = value.substring(value.indexOf(':') + 1);
      if (arg.equals("?")) {
        out.collect(describe(key));
        return;
      }
      int n = Integer.parseInt(arg);
      count.update(count.value() == null ? 1 : count.value() + 1);
      seen.add(value);
      parity.put(n % 2 == 0 ? "even" : "odd", n);
      sum.add(n);
      length.add(value);
      last().update(value);
      ctx.timerService().registerEventTimeTimer(10L * n);
      ctx.timerService()
          .registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + 100 + n);
    }

    private String describe(String key) throws Exception {
      Map<String, Integer> map = new TreeMap<>();
      parity.entries().forEach(e -> map.put(e.getKey(), e.getValue()));
      List<String> list = new ArrayList<>();
      seen.get().forEach(list::add);
      return key
          + " count="
          + count.value()
          + " seen="
          + list
          + " parity="
          + map
          + " sum="
          + sum.get()
          + " length="
          + length.get()
          + " last="
          + last().value();
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
      out.collect(ctx.getCurrentKey() + " " + ctx.timeDomain().name().charAt(0) + timestamp);
    }
  }

  private static String key(int k) {
    return "k" + k;
  }

  private static OneInputOperatorHarness.Builder<String, String> harness(
      int subtask, int parallelism) {
    return OneInputOperatorHarness.builder(new KeyedProcessOperator<>(new AllStates()))
        .keyedBy(KEY, Types.STRING)
        .subtask(subtask)
        .parallelism(parallelism);
  }

  /** Opens the subtasks of the old parallelism 2 and gives each key two elements. */
  private List<OneInputOperatorHarness<String, String>> filledAtParallelism2() throws Exception {
    List<OneInputOperatorHarness<String, String>> subtasks = new ArrayList<>();
    for (int s = 0; s < 2; s++) {
      OneInputOperatorHarness<String, String> h = harness(s, 2).build();
      for (int k = 0; k < KEYS; k++) {
        if (h.ownsKey(key(k))) {
          h.processElement(key(k) + ":" + k, 1);
          h.processElement(key(k) + ":" + (k + 1), 1);
        }
      }
      subtasks.add(h);
    }
    return subtasks;
  }

  /** What every key's state prints, by key, asked from whichever subtask owns it. */
  private static Map<String, String> describeAll(List<OneInputOperatorHarness<String, String>> hs)
      throws Exception {
    Map<String, String> result = new TreeMap<>();
    for (int k = 0; k < KEYS; k++) {
      for (OneInputOperatorHarness<String, String> h : hs) {
        if (h.ownsKey(key(k))) {
          h.processElement(key(k) + ":?", 1);
          List<String> out = h.takeRecords();
          assertThat(out).hasSize(1);
          result.put(key(k), out.get(0));
        }
      }
    }
    return result;
  }

  /** The snapshots of all subtasks of {@code hs}, as one. */
  private static HarnessSnapshot snapshotAll(List<OneInputOperatorHarness<String, String>> hs)
      throws Exception {
    List<HarnessSnapshot> snapshots = new ArrayList<>();
    for (OneInputOperatorHarness<String, String> h : hs) {
      snapshots.add(h.snapshot());
    }
    return HarnessSnapshot.combine(snapshots);
  }

  private static List<OneInputOperatorHarness<String, String>> restored(
      HarnessSnapshot snapshot, int parallelism) throws Exception {
    List<OneInputOperatorHarness<String, String>> subtasks = new ArrayList<>();
    for (int s = 0; s < parallelism; s++) {
      subtasks.add(harness(s, parallelism).restoreFrom(snapshot).build());
    }
    return subtasks;
  }

  /** Fires all timers of all subtasks (watermark, then processing time); output sorted. */
  private static List<String> fireAllTimers(List<OneInputOperatorHarness<String, String>> hs)
      throws Exception {
    List<String> fired = new ArrayList<>();
    for (OneInputOperatorHarness<String, String> h : hs) {
      h.processWatermark(Long.MAX_VALUE - 1);
      h.advanceProcessingTime(Duration.ofSeconds(1));
      for (String line : h.takeRecords()) {
        String keyOfLine = line.substring(0, line.indexOf(' '));
        assertThat(h.ownsKey(keyOfLine))
            .as("%s fired in subtask %d", line, h.subtaskIndex())
            .isTrue();
        fired.add(line.contains("@") ? line.substring(0, line.indexOf('@')) : line);
      }
    }
    fired.sort(null);
    return fired;
  }

  private static List<String> expectedTimers() {
    List<String> timers = new ArrayList<>();
    for (int k = 0; k < KEYS; k++) {
      for (int n : new int[] {k, k + 1}) {
        timers.add(key(k) + " E" + 10L * n);
        timers.add(key(k) + " P" + (100 + n));
      }
    }
    timers.sort(null);
    return timers;
  }

  /** The keyed state files of {@code snapshot}, as restored without choosing by key group. */
  private static RestoredState restoreOf(List<Path> files) {
    return new RestoredState(files.stream().map(Path::toString).toList(), List.of(), 2);
  }

  @Test
  void everyStateAndTimerIsRestoredExactlyAtTheSameAndOtherParallelisms() throws Exception {
    List<OneInputOperatorHarness<String, String>> original = filledAtParallelism2();
    Map<String, String> expected = describeAll(original);
    assertThat(expected.get("k3"))
        .isEqualTo(
            "k3 count=2 seen=[k3:3, k3:4] parity={even=4, odd=3} sum=7 length=8 last=k3:4@1");
    HarnessSnapshot snapshot = snapshotAll(original);

    for (int parallelism : new int[] {2, 3, 1}) {
      List<OneInputOperatorHarness<String, String>> restored = restored(snapshot, parallelism);
      for (OneInputOperatorHarness<String, String> h : restored) {
        assertThat(ownedKeysWithCount(h)).allMatch(h::ownsKey);
      }
      assertThat(describeAll(restored)).as("parallelism %d", parallelism).isEqualTo(expected);
      assertThat(fireAllTimers(restored))
          .as("parallelism %d", parallelism)
          .isEqualTo(expectedTimers());
    }
  }

  /** The keys that have a "count" in {@code h}'s backend. */
  private static List<String> ownedKeysWithCount(OneInputOperatorHarness<String, String> h)
      throws Exception {
    List<String> keys = new ArrayList<>();
    @SuppressWarnings("unchecked")
    KeyedStateBackend<String> backend = (KeyedStateBackend<String>) h.keyedStateBackend();
    backend.applyToAllKeys(
        new ValueStateDescriptor<>("count", Integer.class), (key, state) -> keys.add(key));
    return keys;
  }

  @Test
  void restoredStatesWorkOnAfterTheRestore() throws Exception {
    HarnessSnapshot snapshot = snapshotAll(filledAtParallelism2());
    List<OneInputOperatorHarness<String, String>> restored = restored(snapshot, 3);
    OneInputOperatorHarness<String, String> owner =
        restored.stream().filter(h -> h.ownsKey("k3")).findFirst().orElseThrow();
    owner.processElement("k3:10", 1);
    owner.processElement("k3:?", 1);
    assertThat(owner.takeRecords())
        .containsExactly(
            "k3 count=3 seen=[k3:3, k3:4, k3:10] parity={even=10, odd=3} sum=17 length=13"
                + " last=k3:10@1");
  }

  @Test
  void stateNobodyRegisteredIsCarriedIntoTheNextSnapshot() throws Exception {
    List<OneInputOperatorHarness<String, String>> original = filledAtParallelism2();
    Map<String, String> expected = describeAll(original);
    HarnessSnapshot first = snapshotAll(original);
    // restored and snapshotted again before any element: "last" was never registered
    HarnessSnapshot second = snapshotAll(restored(first, 3));
    List<OneInputOperatorHarness<String, String>> again = restored(second, 2);
    assertThat(describeAll(again)).isEqualTo(expected);
    assertThat(fireAllTimers(again)).isEqualTo(expectedTimers());
  }

  @Test
  void processingTimersAreScheduledAfterTheRestore() throws Exception {
    HarnessSnapshot snapshot = snapshotAll(filledAtParallelism2());
    List<OneInputOperatorHarness<String, String>> restored = restored(snapshot, 1);
    OneInputOperatorHarness<String, String> h = restored.get(0);
    assertThat(h.getPendingProcessingTimes()).containsExactly(100L); // earliest: k0 at 100 + 0
    h.advanceProcessingTime(Duration.ofMillis(101));
    assertThat(h.takeRecords())
        .containsExactlyInAnyOrder("k0 P100@100", "k0 P101@101", "k1 P101@101");
  }

  @Test
  void aMissingOrDamagedFileIsAnIoExceptionNamingIt() throws Exception {
    List<Path> files = snapshotAll(filledAtParallelism2()).writeKeyedStateFiles(dir);
    Path missing = dir.resolve("gone");
    assertThatThrownBy(
            () -> harness(0, 1).restoreFrom(restoreOf(List.of(files.get(0), missing))).build())
        .isInstanceOf(IOException.class)
        .hasMessageContaining(missing.toString());
    byte[] bytes = Files.readAllBytes(files.get(1));
    bytes[bytes.length - 2] ^= 0x5A;
    Files.write(files.get(1), bytes);
    assertThatThrownBy(() -> harness(0, 1).restoreFrom(restoreOf(files)).build())
        .isInstanceOf(IOException.class)
        .hasMessageContaining(files.get(1).toString())
        .hasMessageContaining("checksum mismatch");
  }

  @Test
  void aStateRegisteredWithAnotherTypeThanCheckpointedIsAnError() throws Exception {
    List<Path> files = snapshotAll(filledAtParallelism2()).writeKeyedStateFiles(dir);
    OneInputOperatorHarness<String, String> h = harness(0, 1).restoreFrom(restoreOf(files)).build();
    assertThatThrownBy(
            () ->
                h.keyedStateBackend()
                    .getOrCreateKeyedState(new ValueStateDescriptor<>("last", Long.class)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'last'")
        .hasMessageContaining(files.get(0).toString());
  }
}
