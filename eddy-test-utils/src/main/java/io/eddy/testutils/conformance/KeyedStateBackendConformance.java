package io.eddy.testutils.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.api.common.state.ListState;
import io.eddy.api.common.state.ListStateDescriptor;
import io.eddy.api.common.state.MapState;
import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.state.ReducingState;
import io.eddy.api.common.state.ReducingStateDescriptor;
import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.state.ValueStateDescriptor;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.runtime.keygroup.KeyGroupRangeAssignment;
import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.snapshot.StateFileHandle;
import io.eddy.runtime.snapshot.StateWriter;
import io.eddy.runtime.state.KeyedStateBackend;
import io.eddy.runtime.state.StateBackend;
import io.eddy.runtime.state.timers.InternalTimer;
import io.eddy.runtime.state.timers.KeyGroupedTimerQueue;
import io.eddy.runtime.storage.CheckpointMetadata;
import io.eddy.runtime.storage.CheckpointStorage;
import io.eddy.runtime.storage.CheckpointStorages;
import io.eddy.runtime.storage.CheckpointStreamFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link StateBackend}'s keyed state must do, checked through the SPI only: state per
 * key for every state kind, snapshots written through a real {@link CheckpointStreamFactory} and
 * restored into fresh backends, at the same and at another parallelism (every key exactly once, in
 * its owner), timers moving with their key groups, and a snapshot that is the state as it was when
 * taken. A backend's test extends this class and names the backend:
 *
 * <pre>{@code
 * class RocksDbKeyedStateBackendConformanceTest extends KeyedStateBackendConformance {
 *   protected StateBackend stateBackend() { return new RocksDbStateBackend(...); }
 * }
 * }</pre>
 *
 * <p>Each test runs on the test thread, which plays the task thread; snapshots are written on the
 * same thread after they were taken.
 */
public abstract class KeyedStateBackendConformance {
  private static final int MAX_PARALLELISM = 128;
  private static final int KEYS = 300;
  private static final TypeSerializer<String> KEY_SERIALIZER = Types.STRING.createSerializer();
  private static final ValueStateDescriptor<Long> VALUE =
      new ValueStateDescriptor<>("value", Types.LONG);
  private static final ListStateDescriptor<Integer> LIST =
      new ListStateDescriptor<>("list", Types.INT);
  private static final MapStateDescriptor<String, Integer> MAP =
      new MapStateDescriptor<>("map", Types.STRING, Types.INT);
  private static final ReducingStateDescriptor<Long> SUM =
      new ReducingStateDescriptor<>("sum", Long::sum, Types.LONG);
  private static final String TIMERS = "timers";

  @TempDir Path checkpoints;

  private int checkpointId;

  /** The backend under test. */
  protected abstract StateBackend stateBackend();

  private KeyedStateBackend<String> backend(KeyGroupRange range) {
    return stateBackend().createKeyedStateBackend(range, MAX_PARALLELISM, KEY_SERIALIZER);
  }

  private static KeyGroupRange range(int parallelism, int subtask) {
    return KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
        MAX_PARALLELISM, parallelism, subtask);
  }

  private static String key(int k) {
    return "key-" + k;
  }

  private static boolean owns(KeyedStateBackend<String> backend, int k) {
    return owns(backend, key(k));
  }

  private static boolean owns(KeyedStateBackend<String> backend, String key) {
    return backend
        .getKeyGroupRange()
        .contains(KeyGroupRangeAssignment.assignToKeyGroup(key, MAX_PARALLELISM));
  }

  /** Fills every state kind of the keys {@code backend} owns, from {@code k}. */
  private static void fill(KeyedStateBackend<String> backend) throws Exception {
    ValueState<Long> value = backend.getOrCreateKeyedState(VALUE);
    ListState<Integer> list = backend.getOrCreateKeyedState(LIST);
    MapState<String, Integer> map = backend.getOrCreateKeyedState(MAP);
    ReducingState<Long> sum = backend.getOrCreateKeyedState(SUM);
    for (int k = 0; k < KEYS; k++) {
      if (owns(backend, k)) {
        backend.setCurrentKey(key(k));
        value.update((long) k);
        list.add(k);
        list.add(-k);
        map.put("m" + (k % 7), k);
        sum.add((long) k);
        sum.add(1L);
      }
    }
  }

  /** Checks the state {@link #fill} left for every key {@code backend} owns. */
  private static void assertFilled(KeyedStateBackend<String> backend) throws Exception {
    ValueState<Long> value = backend.getOrCreateKeyedState(VALUE);
    ListState<Integer> list = backend.getOrCreateKeyedState(LIST);
    MapState<String, Integer> map = backend.getOrCreateKeyedState(MAP);
    ReducingState<Long> sum = backend.getOrCreateKeyedState(SUM);
    for (int k = 0; k < KEYS; k++) {
      if (owns(backend, k)) {
        backend.setCurrentKey(key(k));
        assertEquals(Long.valueOf(k), value.value(), "value of " + key(k));
        List<Integer> elements = new ArrayList<>();
        list.get().forEach(elements::add);
        assertEquals(List.of(k, -k), elements, "list of " + key(k));
        assertEquals(Integer.valueOf(k), map.get("m" + (k % 7)), "map of " + key(k));
        assertEquals(Long.valueOf(k + 1), sum.get(), "sum of " + key(k));
      }
    }
  }

  /**
   * Snapshots {@code backend} (with {@code timers}, if any) into a real checkpoint; returns where.
   */
  private String checkpoint(
      KeyedStateBackend<String> backend, Map<String, KeyGroupedTimerQueue<String>> timers)
      throws IOException {
    StateWriter snapshot = backend.snapshot(timers);
    return write(snapshot, backend.getKeyGroupRange());
  }

  /** Writes {@code snapshot} as the only file of a completed checkpoint; returns its location. */
  private String write(StateWriter snapshot, KeyGroupRange keyGroups) throws IOException {
    int id = ++checkpointId;
    CheckpointStorage storage = CheckpointStorages.storage(checkpoints.toString(), "job");
    storage.initCheckpoint(id);
    CheckpointStreamFactory files =
        CheckpointStorages.streamFactory(checkpoints.toString(), "job", 0, id, 0);
    try {
      StateFileHandle handle = files.writeKeyedState(id, 0, "operator", keyGroups, snapshot);
      storage.completeCheckpoint(new CheckpointMetadata(id, 0, List.of(handle)));
      return storage.latestRestorable().orElseThrow().stateFileLocation(handle);
    } finally {
      snapshot.release();
    }
  }

  @Test
  void everyStateKindIsScopedToTheCurrentKey() throws Exception {
    KeyedStateBackend<String> backend = backend(range(1, 0));
    fill(backend);
    assertFilled(backend);
    backend.setCurrentKey("nobody");
    assertNull(backend.getOrCreateKeyedState(VALUE).value());
    assertEquals(backend.getCurrentKey(), "nobody");
    assertEquals(
        KeyGroupRangeAssignment.assignToKeyGroup("nobody", MAX_PARALLELISM)
            - backend.getKeyGroupRange().start(),
        backend.getCurrentKeyGroupIndex());
  }

  @Test
  void aSnapshotRestoresIntoAFreshBackend() throws Exception {
    KeyedStateBackend<String> original = backend(range(1, 0));
    fill(original);
    String file = checkpoint(original, Map.of());

    KeyedStateBackend<String> restored = backend(range(1, 0));
    restored.restore(List.of(file));
    assertFilled(restored);
  }

  @Test
  void restoringAtAnotherParallelismGivesEveryKeyToItsOwnerOnce() throws Exception {
    List<String> files = new ArrayList<>();
    for (int subtask = 0; subtask < 2; subtask++) {
      KeyedStateBackend<String> old = backend(range(2, subtask));
      fill(old);
      files.add(checkpoint(old, Map.of()));
    }
    int restoredKeys = 0;
    for (int subtask = 0; subtask < 3; subtask++) {
      KeyedStateBackend<String> restored = backend(range(3, subtask));
      restored.restore(files);
      assertFilled(restored);
      List<String> keys = new ArrayList<>();
      restored.applyToAllKeys(VALUE, (key, state) -> keys.add(key));
      for (String key : keys) {
        assertTrue(owns(restored, key), key + " restored outside its key groups");
      }
      restoredKeys += keys.size();
    }
    assertEquals(KEYS, restoredKeys);
  }

  @Test
  void theSnapshotIsTheStateAsItWasWhenTaken() throws Exception {
    KeyedStateBackend<String> backend = backend(range(1, 0));
    fill(backend);
    StateWriter snapshot = backend.snapshot(Map.of());
    ValueState<Long> value = backend.getOrCreateKeyedState(VALUE);
    for (int k = 0; k < KEYS; k++) {
      backend.setCurrentKey(key(k));
      value.update(-1L);
      backend.getOrCreateKeyedState(LIST).add(99);
    }
    String file = write(snapshot, backend.getKeyGroupRange());

    KeyedStateBackend<String> restored = backend(range(1, 0));
    restored.restore(List.of(file));
    assertFilled(restored);
  }

  @Test
  void timersMoveWithTheirKeyGroups() throws Exception {
    List<String> files = new ArrayList<>();
    for (int subtask = 0; subtask < 2; subtask++) {
      KeyedStateBackend<String> old = backend(range(2, subtask));
      KeyGroupedTimerQueue<String> queue =
          new KeyGroupedTimerQueue<>(old.getKeyGroupRange().size());
      for (int k = 0; k < KEYS; k++) {
        if (owns(old, k)) {
          old.setCurrentKey(key(k));
          queue.add(1_000L + k, key(k), old.getCurrentKeyGroupIndex());
        }
      }
      files.add(checkpoint(old, Map.of(TIMERS, queue)));
    }
    Map<String, Long> fired = new HashMap<>();
    for (int subtask = 0; subtask < 3; subtask++) {
      KeyedStateBackend<String> restored = backend(range(3, subtask));
      restored.restore(files);
      KeyGroupedTimerQueue<String> queue =
          new KeyGroupedTimerQueue<>(restored.getKeyGroupRange().size());
      assertTrue(restored.restoreTimers(TIMERS, queue));
      for (InternalTimer<String> timer = queue.poll(); timer != null; timer = queue.poll()) {
        assertTrue(
            owns(restored, timer.getKey()),
            "timer of " + timer.getKey() + " restored outside its key groups");
        assertNull(fired.put(timer.getKey(), timer.getTimestamp()), "timer restored twice");
      }
    }
    assertEquals(KEYS, fired.size());
    assertEquals(Long.valueOf(1_007L), fired.get(key(7)));
  }

  @Test
  void applyToAllKeysVisitsEveryKeyWithAValue() throws Exception {
    KeyedStateBackend<String> backend = backend(range(1, 0));
    fill(backend);
    backend.setCurrentKey(key(3));
    List<String> visited = new ArrayList<>();
    backend.applyToAllKeys(
        VALUE,
        (key, state) -> {
          visited.add(key);
          state.update(state.value() * 2);
        });
    assertEquals(KEYS, visited.size());
    assertEquals(key(3), backend.getCurrentKey());
    backend.setCurrentKey(key(21));
    assertEquals(Long.valueOf(42), backend.getOrCreateKeyedState(VALUE).value());
  }

  @Test
  void aMissingStateFileIsAnErrorNamingIt() {
    KeyedStateBackend<String> backend = backend(range(1, 0));
    String missing = checkpoints.resolve("no-such-file").toString();
    IOException error = assertThrows(IOException.class, () -> backend.restore(List.of(missing)));
    assertTrue(
        String.valueOf(error.getMessage()).contains("no-such-file"),
        "the error names the file: " + error);
  }
}
