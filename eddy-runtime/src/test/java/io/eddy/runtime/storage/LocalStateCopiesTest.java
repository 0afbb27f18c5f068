package io.eddy.runtime.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.runtime.snapshot.StateFileHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TaskManager's local copies of state files: written beside the store's, read instead of it when
 * intact, ignored when missing or damaged, and kept for the two newest checkpoints only.
 */
class LocalStateCopiesTest {
  @TempDir Path store;
  @TempDir Path local;

  @BeforeEach
  void enable() throws IOException {
    LocalStateCopies.enable(local);
  }

  @AfterEach
  void disable() {
    LocalStateCopies.disable(local);
  }

  private String write(long checkpointId, byte[] bytes) throws IOException {
    new FsCheckpointStorage(store.toString(), "job").initCheckpoint(checkpointId);
    StateFileHandle file =
        CheckpointStorages.streamFactory(store.toString(), "job", 0, 0, 0)
            .writeOperatorState(checkpointId, 0, "op", out -> out.write(bytes));
    return StateLocations.resolve(
        FsCheckpointStorage.checkpointDirectory(
            FsCheckpointStorage.jobDirectory(store.toString(), "job"), checkpointId),
        file.fileName());
  }

  private List<Path> copies() throws IOException {
    try (Stream<Path> files = Files.walk(local)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> !f.toString().endsWith(".crc"))
          .toList();
    }
  }

  @Test
  void anIntactCopyIsReadInsteadOfTheStore() throws IOException {
    String location = write(1, new byte[] {1, 2, 3});
    long before = LocalStateCopies.localReads();
    assertThat(CheckpointStorages.readAll(location)).containsExactly(1, 2, 3);
    assertThat(LocalStateCopies.localReads()).isEqualTo(before + 1);
    // the store's file is not needed any more: the copy serves the restore
    Files.delete(Path.of(location));
    assertThat(CheckpointStorages.readAll(location)).containsExactly(1, 2, 3);
  }

  @Test
  void aDamagedOrUnfinishedCopyFallsBackToTheStore() throws IOException {
    String location = write(1, new byte[] {1, 2, 3});
    Path copy = copies().get(0);
    Files.write(copy, new byte[] {1, 9, 3}); // same length, other content
    long before = LocalStateCopies.localReads();
    assertThat(CheckpointStorages.readAll(location)).containsExactly(1, 2, 3);
    assertThat(LocalStateCopies.localReads()).isEqualTo(before);
    assertThat(copy).doesNotExist(); // a damaged copy is dropped

    String second = write(2, new byte[] {4, 5});
    Path secondCopy = copies().get(0);
    Files.delete(secondCopy.resolveSibling(secondCopy.getFileName() + ".crc")); // never finished
    assertThat(CheckpointStorages.readAll(second)).containsExactly(4, 5);
    assertThat(LocalStateCopies.localReads()).isEqualTo(before);
  }

  @Test
  void onlyTheTwoNewestCheckpointsKeepCopies() throws IOException {
    for (long id = 1; id <= 4; id++) {
      write(id, new byte[] {(byte) id});
    }
    assertThat(copies())
        .extracting(p -> p.getParent().getFileName().toString())
        .containsExactlyInAnyOrder("chk-3", "chk-4");
  }

  @Test
  void savepointFilesAndDisabledProcessesKeepNoCopies() throws IOException {
    LocalStateCopies.setAllowed(false);
    try {
      write(1, new byte[] {1});
      assertThat(copies()).isEmpty();
    } finally {
      LocalStateCopies.setAllowed(true);
    }
  }
}
