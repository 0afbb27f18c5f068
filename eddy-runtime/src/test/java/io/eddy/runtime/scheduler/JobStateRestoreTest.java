package io.eddy.runtime.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.core.execution.ExecutionConfig;
import io.eddy.runtime.graph.JobGraph;
import io.eddy.runtime.graph.JobVertex;
import io.eddy.runtime.snapshot.ChannelState;
import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.snapshot.StateFileHandle;
import io.eddy.runtime.storage.CheckpointMetadata;
import io.eddy.runtime.storage.FsCheckpointStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether the state a restart restores can be restored at another parallelism. */
class JobStateRestoreTest {
  @TempDir Path root;

  @Test
  void aJobWithoutCompletedCheckpointsCanRestartRescaled() throws IOException {
    assertThat(restore().latestRestorableRescaled(storage())).isTrue();
  }

  @Test
  void alignedCheckpointsCanBeRestoredRescaled() throws IOException {
    FsCheckpointStorage storage = storage();
    complete(storage, 1, false);
    assertThat(restore().latestRestorableRescaled(storage)).isTrue();
  }

  @Test
  void inFlightDataOfTheLatestCheckpointPinsTheParallelism() throws IOException {
    FsCheckpointStorage storage = storage();
    complete(storage, 1, false);
    complete(storage, 2, true);
    assertThat(restore().latestRestorableRescaled(storage)).isFalse();
    complete(storage, 3, false);
    assertThat(restore().latestRestorableRescaled(storage)).isTrue();
  }

  private FsCheckpointStorage storage() throws IOException {
    return new FsCheckpointStorage(root.toString(), "job");
  }

  private static JobStateRestore restore() {
    JobGraph job =
        new JobGraph(
            "job",
            "job",
            List.of(new JobVertex(0, "v", List.of("v"), 2, 128, "default", true, new byte[0])),
            List.of(),
            new ExecutionConfig(2, 128, 100));
    return new JobStateRestore(job, Map.of(0, List.of("op")), new ArrayList<>());
  }

  /** A completed checkpoint of operator "op" at parallelism 2, with in-flight data if asked. */
  private static void complete(FsCheckpointStorage storage, long id, boolean inFlight)
      throws IOException {
    storage.initCheckpoint(id);
    Path dir = Path.of(storage.checkpointDirectory(id));
    List<StateFileHandle> files = new ArrayList<>();
    for (int s = 0; s < 2; s++) {
      Files.write(dir.resolve("op-" + s), new byte[] {1});
      files.add(new StateFileHandle("op", s, "op-" + s, new KeyGroupRange(s * 64, s * 64 + 63)));
      if (inFlight) {
        Files.write(dir.resolve("in-flight-" + s), new byte[] {1});
        files.add(
            new StateFileHandle(
                ChannelState.stateId("op"), s, "in-flight-" + s, StateFileHandle.NO_KEY_GROUPS));
      }
    }
    storage.completeCheckpoint(
        new CheckpointMetadata(
            id,
            1_000 + id,
            files,
            List.of(new CheckpointMetadata.OperatorInfo("op", 2, 128, null)),
            false));
  }
}
