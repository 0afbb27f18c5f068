package io.eddy.runtime.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.snapshot.StateFileHandle;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsCheckpointStorageTest {
  @TempDir Path root;

  private FsCheckpointStorage storage() throws IOException {
    return new FsCheckpointStorage(root.toString(), "job-1");
  }

  /** Writes one state file per subtask and completes checkpoint {@code id}. */
  private static CheckpointMetadata complete(FsCheckpointStorage storage, long id)
      throws IOException {
    storage.initCheckpoint(id);
    Path dir = Path.of(storage.checkpointDirectory(id));
    Files.write(dir.resolve("op-0"), new byte[] {1});
    Files.write(dir.resolve("op-1"), new byte[] {2});
    CheckpointMetadata metadata =
        new CheckpointMetadata(
            id,
            1_000 + id,
            List.of(
                new StateFileHandle("op", 0, "op-0", new KeyGroupRange(0, 63)),
                new StateFileHandle("op", 1, "op-1", new KeyGroupRange(64, 127))));
    storage.completeCheckpoint(metadata);
    return metadata;
  }

  private static List<Long> ids(List<CheckpointLocation> dirs) {
    return dirs.stream().map(CheckpointLocation::checkpointId).toList();
  }

  @Test
  void metadataRoundTripsAndOnlyCompletedCheckpointsAreListed() throws IOException {
    FsCheckpointStorage storage = storage();
    CheckpointMetadata first = complete(storage, 1);
    storage.initCheckpoint(2);
    Path attempt = Path.of(storage.checkpointDirectory(2));
    Files.write(attempt.resolve("op-0"), new byte[] {1});
    assertThat(root.resolve("job-1").resolve("chk-1").resolve("_metadata")).isRegularFile();
    assertThat(ids(storage.listCompleted())).containsExactly(1L);
    assertThat(storage.readMetadata(storage.listCompleted().get(0))).isEqualTo(first);
    assertThat(attempt.resolve("_metadata.inprogress")).doesNotExist();
    // a metadata file that never got renamed does not complete the checkpoint
    Files.write(attempt.resolve("_metadata.inprogress"), new byte[] {1, 2, 3});
    assertThat(ids(storage.listCompleted())).containsExactly(1L);
  }

  @Test
  void completingRequiresTheStateFilesAndNeverOverwritesACompletedCheckpoint() throws IOException {
    FsCheckpointStorage storage = storage();
    storage.initCheckpoint(1);
    CheckpointMetadata missingFile =
        new CheckpointMetadata(
            1, 0, List.of(new StateFileHandle("op", 0, "absent", new KeyGroupRange(0, 1))));
    assertThatThrownBy(() -> storage.completeCheckpoint(missingFile))
        .hasMessageContaining("absent");
    assertThat(storage.listCompleted()).isEmpty();
    complete(storage, 2);
    assertThatThrownBy(() -> storage.initCheckpoint(2)).hasMessageContaining("already completed");
  }

  @Test
  void subtasksWriteStateFilesNamedByTheStorageAndTheirLocationsResolve() throws IOException {
    FsCheckpointStorage storage = storage();
    storage.initCheckpoint(1);
    CheckpointStreamFactory subtask =
        CheckpointStorages.streamFactory(root.toString(), "job-1", 3, 1, 0);
    CheckpointStreamFactory retried =
        CheckpointStorages.streamFactory(root.toString(), "job-1", 3, 1, 1);
    StateFileHandle keyed =
        subtask.writeKeyedState(
            1, 0, "op", new KeyGroupRange(0, 7), out -> out.write(new byte[] {4, 2}));
    StateFileHandle operator = subtask.writeOperatorState(1, 1, "op2", out -> out.write(7));
    StateFileHandle again =
        retried.writeKeyedState(1, 0, "op", new KeyGroupRange(0, 7), out -> out.write(1));
    assertThat(keyed.keyGroupRange()).isEqualTo(new KeyGroupRange(0, 7));
    assertThat(operator.isKeyed()).isFalse();
    assertThat(List.of(keyed.fileName(), operator.fileName(), again.fileName()))
        .doesNotHaveDuplicates();
    String location = Path.of(storage.checkpointDirectory(1)).toString();
    assertThat(CheckpointStorages.readAll(StateLocations.resolve(location, keyed.fileName())))
        .containsExactly(4, 2);
    // the same attempt never writes a file twice
    assertThatThrownBy(
            () -> subtask.writeKeyedState(1, 0, "op", new KeyGroupRange(0, 7), out -> {}))
        .isInstanceOf(FileAlreadyExistsException.class);
  }

  @Test
  void unknownSchemesAreRefusedWithTheScheme() {
    assertThatThrownBy(() -> CheckpointStorages.storage("nosuch://bucket/checkpoints", "job-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("No file system for 'nosuch:' locations");
    assertThat(CheckpointStorages.factoryFor("file:///tmp/x"))
        .isInstanceOf(FsCheckpointStorageFactory.class);
  }

  @Test
  void retainsTheLastNCompletedCheckpoints() throws IOException {
    FsCheckpointStorage storage = storage();
    for (long id = 1; id <= 5; id++) {
      complete(storage, id);
    }
    assertThat(storage.retainLast(2)).containsExactly(1L, 2L, 3L);
    assertThat(ids(storage.listCompleted())).containsExactly(4L, 5L);
    assertThat(Path.of(storage.checkpointDirectory(3))).doesNotExist();
    assertThat(storage.retainLast(2)).isEmpty();
  }

  @Test
  void deletesFailedAttemptsButNotThoseInProgressOrCompleted() throws IOException {
    FsCheckpointStorage storage = storage();
    complete(storage, 1);
    storage.initCheckpoint(2);
    Files.write(Path.of(storage.checkpointDirectory(2)).resolve("op-0"), new byte[] {1});
    storage.initCheckpoint(3);
    assertThat(storage.deleteFailedAttempts(Set.of(3L))).containsExactly(2L);
    assertThat(Path.of(storage.checkpointDirectory(2))).doesNotExist();
    assertThat(Path.of(storage.checkpointDirectory(3))).isDirectory();
    assertThat(ids(storage.listCompleted())).containsExactly(1L);
  }

  @Test
  void truncatedOrCorruptMetadataNamesTheFileAndTheFallbackTakesThePreviousCheckpoint()
      throws IOException {
    FsCheckpointStorage storage = storage();
    CheckpointMetadata first = complete(storage, 1);
    complete(storage, 2);
    complete(storage, 3);
    Path second = Path.of(storage.checkpointDirectory(2)).resolve("_metadata");
    Path third = Path.of(storage.checkpointDirectory(3)).resolve("_metadata");
    byte[] bytes = Files.readAllBytes(third);
    Files.write(third, Arrays.copyOf(bytes, bytes.length - 5));
    byte[] secondBytes = Files.readAllBytes(second);
    secondBytes[secondBytes.length - 8] ^= 0x40; // a bit of the last file name
    Files.write(second, secondBytes);

    List<CheckpointLocation> completed = storage.listCompleted();
    assertThatThrownBy(() -> storage.readMetadata(completed.get(2)))
        .isInstanceOf(CorruptCheckpointMetadataException.class)
        .hasMessageStartingWith("Unreadable checkpoint metadata " + third + ": truncated")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> storage.readMetadata(completed.get(1)))
        .isInstanceOf(CorruptCheckpointMetadataException.class)
        .hasMessage("Unreadable checkpoint metadata " + second + ": checksum mismatch");

    CheckpointStorage.RestorableCheckpoint latest = storage.latestRestorable().orElseThrow();
    assertThat(latest.checkpoint().checkpointId()).isEqualTo(1);
    assertThat(latest.metadata()).isEqualTo(first);
  }

  @Test
  void unknownMagicOrVersionIsReportedAndNoCheckpointMeansEmpty() throws IOException {
    FsCheckpointStorage storage = storage();
    assertThat(storage.latestRestorable()).isEmpty();
    complete(storage, 1);
    Path metadata = Path.of(storage.checkpointDirectory(1)).resolve("_metadata");
    byte[] bytes = Files.readAllBytes(metadata);
    bytes[7] = 9; // version 9
    Files.write(metadata, bytes);
    assertThatThrownBy(() -> storage.readMetadata(storage.listCompleted().get(0)))
        .hasMessageContaining(metadata + ": unsupported version 9");
    Files.write(metadata, new byte[] {'h', 'e', 'l', 'l', 'o', 0, 0, 0, 0, 0, 0, 0});
    assertThatThrownBy(() -> storage.readMetadata(storage.listCompleted().get(0)))
        .hasMessageContaining("not a metadata file");
    assertThat(storage.latestRestorable()).isEmpty();
  }
}
