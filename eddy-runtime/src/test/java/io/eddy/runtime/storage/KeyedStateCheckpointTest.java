package io.eddy.runtime.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.common.state.StateDescriptor;
import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.state.ValueStateDescriptor;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.runtime.keygroup.KeyGroupRangeAssignment;
import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.snapshot.StateFileHandle;
import io.eddy.runtime.state.heap.HeapKeyedStateBackend;
import io.eddy.runtime.state.heap.HeapKeyedStateRestore;
import io.eddy.runtime.state.heap.HeapKeyedStateSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keyed state snapshots stored as a checkpoint, restored at another parallelism from it. */
class KeyedStateCheckpointTest {
  private static final int MAX_PARALLELISM = 64;
  private static final TypeSerializer<Integer> KEYS =
      TypeInformation.of(Integer.class).createSerializer();

  @TempDir Path root;

  private static List<StateDescriptor<?, ?>> descriptors() {
    return List.of(new ValueStateDescriptor<>("count", Long.class));
  }

  private static KeyGroupRange range(int parallelism, int subtask) {
    return KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
        MAX_PARALLELISM, parallelism, subtask);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aCheckpointAtParallelism4RestoresAtParallelism3() throws IOException {
    FsCheckpointStorage storage = new FsCheckpointStorage(root.toString(), "job");
    storage.initCheckpoint(7);
    List<StateFileHandle> files = new ArrayList<>();
    for (int subtask = 0; subtask < 4; subtask++) {
      HeapKeyedStateBackend<Integer> backend =
          new HeapKeyedStateBackend<>(range(4, subtask), MAX_PARALLELISM);
      ValueState<Long> count =
          backend.getOrCreateKeyedState((ValueStateDescriptor<Long>) descriptors().get(0));
      for (int key = 0; key < 1000; key++) {
        if (range(4, subtask)
            .contains(KeyGroupRangeAssignment.assignToKeyGroup(key, MAX_PARALLELISM))) {
          backend.setCurrentKey(key);
          count.update(key * 10L);
        }
      }
      CheckpointStreamFactory stateFiles =
          CheckpointStorages.streamFactory(root.toString(), "job", 0, subtask, 0);
      files.add(
          stateFiles.writeKeyedState(
              7,
              0,
              "window-op",
              backend.getKeyGroupRange(),
              HeapKeyedStateSnapshot.take(backend, KEYS, null)::writeTo));
    }
    storage.completeCheckpoint(new CheckpointMetadata(7, 0, files));

    CheckpointStorage.RestorableCheckpoint latest = storage.latestRestorable().orElseThrow();
    int restoredKeys = 0;
    for (int subtask = 0; subtask < 3; subtask++) {
      HeapKeyedStateBackend<Integer> backend =
          new HeapKeyedStateBackend<>(range(3, subtask), MAX_PARALLELISM);
      HeapKeyedStateRestore<Integer> restore =
          new HeapKeyedStateRestore<>(backend, KEYS, null, descriptors());
      List<StateFileHandle> overlapping =
          latest.metadata().stateFilesOverlapping("window-op", backend.getKeyGroupRange());
      assertThat(overlapping).hasSizeBetween(1, 2);
      int keyGroups = 0;
      for (StateFileHandle file : overlapping) {
        keyGroups += restore.restore(latest.stateFileLocation(file));
      }
      assertThat(keyGroups).isEqualTo(backend.getKeyGroupRange().size());
      ValueState<Long> count =
          backend.getOrCreateKeyedState((ValueStateDescriptor<Long>) descriptors().get(0));
      for (int key = 0; key < 1000; key++) {
        if (backend
            .getKeyGroupRange()
            .contains(KeyGroupRangeAssignment.assignToKeyGroup(key, MAX_PARALLELISM))) {
          backend.setCurrentKey(key);
          assertThat(count.value()).isEqualTo(key * 10L);
          restoredKeys++;
        }
      }
    }
    assertThat(restoredKeys).isEqualTo(1000);
  }
}
