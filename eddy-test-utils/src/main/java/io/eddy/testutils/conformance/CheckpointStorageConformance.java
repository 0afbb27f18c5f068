package io.eddy.testutils.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.snapshot.StateFileHandle;
import io.eddy.runtime.storage.CheckpointLocation;
import io.eddy.runtime.storage.CheckpointMetadata;
import io.eddy.runtime.storage.CheckpointStorage;
import io.eddy.runtime.storage.CheckpointStorages;
import io.eddy.runtime.storage.CheckpointStreamFactory;
import io.eddy.runtime.storage.StateLocations;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every checkpoint storage must do, checked through the SPI only ({@link CheckpointStorages}
 * resolves the storage by the root location's scheme): attempts become checkpoints only when their
 * metadata is written, subtasks' state files read back at the locations the storage resolves,
 * retention and clean-up of failed attempts, and savepoints that outlive the job's checkpoints. A
 * storage's test extends this class and names a fresh root location per test (a temporary
 * directory, a bucket prefix, an HDFS path):
 *
 * <pre>{@code
 * class S3CheckpointStorageConformanceTest extends CheckpointStorageConformance {
 *   protected String rootLocation() { return "s3://test-bucket/" + UUID.randomUUID(); }
 *   protected String savepointLocation() { return "s3://test-bucket/savepoints"; }
 * }
 * }</pre>
 */
public abstract class CheckpointStorageConformance {
  private String root;

  /** A root location no other test uses. */
  protected abstract String rootLocation() throws IOException;

  /** A directory for savepoints, in the same or another storage. */
  protected abstract String savepointLocation() throws IOException;

  /**
   * Whether an attempt whose subtasks wrote state files but that never completed can be found by
   * listing the job's checkpoints (not where the files are spread by entropy injection: there only
   * the acknowledged ones are deleted, with the aborted attempt).
   */
  protected boolean failedAttemptsAreListed() {
    return true;
  }

  @BeforeEach
  void freshRoot() throws IOException {
    root = rootLocation();
  }

  private CheckpointStorage storage() throws IOException {
    return CheckpointStorages.storage(root, "job-1");
  }

  /** Has two subtasks write one state file each into attempt {@code id}; returns their handles. */
  private List<StateFileHandle> writeSubtaskFiles(long id) throws IOException {
    List<StateFileHandle> files = new ArrayList<>();
    for (int subtask = 0; subtask < 2; subtask++) {
      CheckpointStreamFactory stateFiles =
          CheckpointStorages.streamFactory(root, "job-1", 0, subtask, 0);
      byte[] bytes = content(id, subtask);
      files.add(
          stateFiles.writeKeyedState(
              id,
              0,
              "op",
              new KeyGroupRange(subtask * 64, subtask * 64 + 63),
              out -> out.write(bytes)));
    }
    return files;
  }

  /** Enough bytes to be a file of its own (small state would be kept in the metadata). */
  private static byte[] content(long id, int subtask) {
    byte[] bytes = new byte[64 * 1024 + subtask];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31 + id + subtask);
    }
    return bytes;
  }

  private CheckpointMetadata complete(CheckpointStorage storage, long id) throws IOException {
    storage.initCheckpoint(id);
    CheckpointMetadata metadata = new CheckpointMetadata(id, 1_000 + id, writeSubtaskFiles(id));
    storage.completeCheckpoint(metadata);
    return metadata;
  }

  private static List<Long> ids(List<CheckpointLocation> checkpoints) {
    return checkpoints.stream().map(CheckpointLocation::checkpointId).toList();
  }

  @Test
  void anAttemptBecomesACheckpointOnlyWithItsMetadata() throws IOException {
    CheckpointStorage storage = storage();
    assertTrue(storage.latestRestorable().isEmpty());
    CheckpointMetadata first = complete(storage, 1);
    storage.initCheckpoint(2);
    writeSubtaskFiles(2);
    assertEquals(List.of(1L), ids(storage.listCompleted()));
    assertEquals(first, storage.readMetadata(storage.listCompleted().get(0)));
    CheckpointStorage.RestorableCheckpoint latest = storage.latestRestorable().orElseThrow();
    assertEquals(1, latest.checkpoint().checkpointId());
    assertEquals(first, latest.metadata());
    assertThrows(IOException.class, () -> storage.initCheckpoint(1), "checkpoint 1 is complete");
  }

  @Test
  void stateFilesReadBackAtTheirLocations() throws IOException {
    CheckpointStorage storage = storage();
    CheckpointMetadata metadata = complete(storage, 3);
    CheckpointStorage.RestorableCheckpoint latest = storage.latestRestorable().orElseThrow();
    Set<String> names = new HashSet<>();
    for (StateFileHandle file : metadata.stateFiles()) {
      assertTrue(names.add(file.fileName()), "state file names are unique: " + file.fileName());
      String location = latest.stateFileLocation(file);
      byte[] expected = content(3, file.subtaskIndex());
      assertArrayEquals(expected, CheckpointStorages.readAll(location));
      try (SeekableByteChannel channel = CheckpointStorages.openForRead(location)) {
        channel.position(500);
        ByteBuffer buffer = ByteBuffer.allocate(10);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {}
        for (int i = 0; i < 10; i++) {
          assertEquals(expected[500 + i], buffer.get(i), "byte " + (500 + i) + " of " + location);
        }
      }
    }
  }

  @Test
  void aSubtaskRetriedInTheSameCheckpointWritesOtherFiles() throws IOException {
    CheckpointStorage storage = storage();
    storage.initCheckpoint(1);
    StateFileHandle first =
        CheckpointStorages.streamFactory(root, "job-1", 2, 0, 0)
            .writeOperatorState(1, 0, "op", out -> out.write(1));
    StateFileHandle retried =
        CheckpointStorages.streamFactory(root, "job-1", 2, 0, 1)
            .writeOperatorState(1, 0, "op", out -> out.write(2));
    StateFileHandle channels =
        CheckpointStorages.streamFactory(root, "job-1", 2, 0, 1)
            .writeChannelState(1, "op#channels", out -> out.write(3));
    assertEquals(3, Set.of(first.fileName(), retried.fileName(), channels.fileName()).size());
    assertFalse(first.isKeyed());
    assertEquals("op#channels", channels.operatorId());
  }

  @Test
  void retentionKeepsTheNewestAndFailedAttemptsAreDeleted() throws IOException {
    CheckpointStorage storage = storage();
    for (long id = 1; id <= 4; id++) {
      complete(storage, id);
    }
    storage.initCheckpoint(5);
    writeSubtaskFiles(5);
    storage.initCheckpoint(6);
    assertEquals(List.of(1L, 2L), storage.retainLast(2));
    assertEquals(List.of(3L, 4L), ids(storage.listCompleted()));
    assertEquals(
        failedAttemptsAreListed() ? List.of(5L) : List.of(),
        storage.deleteFailedAttempts(Set.of(6L)));
    storage.discardAttempt(6);
    assertEquals(List.of(3L, 4L), ids(storage.listCompleted()));
    assertThrows(IllegalArgumentException.class, () -> storage.retainLast(0));
  }

  @Test
  void aSavepointOutlivesTheJobsCheckpoints() throws IOException {
    CheckpointStorage storage = storage();
    CheckpointMetadata metadata = complete(storage, 7);
    String savepoint = storage.copyToSavepoint(7, savepointLocation());
    assertTrue(
        savepoint.startsWith(savepointLocation())
            || savepoint.startsWith(pathOf(savepointLocation())),
        "the savepoint " + savepoint + " is under " + savepointLocation());
    storage.discardAll();
    assertTrue(storage.listCompleted().isEmpty());

    CheckpointMetadata read = CheckpointStorages.readMetadata(savepoint);
    assertEquals(metadata.checkpointId(), read.checkpointId());
    assertEquals(
        metadata.stateFiles().stream().map(StateFileHandle::inCheckpointDirectory).toList(),
        read.stateFiles(),
        "the savepoint names its files relative to itself");
    for (StateFileHandle file : read.stateFiles()) {
      assertArrayEquals(
          content(7, file.subtaskIndex()),
          CheckpointStorages.readAll(StateLocations.location(savepoint, file)));
    }
  }

  @Test
  void smallStateIsKeptInTheMetadataAndLargeStateInFiles() throws IOException {
    CheckpointStorage storage = storage();
    storage.initCheckpoint(3);
    CheckpointStreamFactory subtask = CheckpointStorages.streamFactory(root, "job-1", 0, 0, 0);
    byte[] small = {1, 2, 3};
    byte[] large = new byte[256 * 1024];
    new java.util.Random(3).nextBytes(large);
    StateFileHandle inline = subtask.writeOperatorState(3, 0, "small", out -> out.write(small));
    StateFileHandle file = subtask.writeOperatorState(3, 1, "large", out -> out.write(large));
    assertTrue(inline.isInline(), "three bytes are not worth an object of their own");
    assertFalse(file.isInline());
    String location =
        storage.completeCheckpoint(new CheckpointMetadata(3, 3, List.of(inline, file)));

    CheckpointMetadata read = CheckpointStorages.readMetadata(location);
    assertEquals(List.of(inline, file), read.stateFiles());
    assertArrayEquals(
        small,
        CheckpointStorages.readAll(StateLocations.location(location, read.stateFiles().get(0))));
    assertArrayEquals(
        large,
        CheckpointStorages.readAll(StateLocations.location(location, read.stateFiles().get(1))));
  }

  /** A {@code file:} URI as the path it names; any other location as it is. */
  private static String pathOf(String location) {
    return location.startsWith("file:") ? Path.of(URI.create(location)).toString() : location;
  }

  @Test
  void noMetadataAtALocationIsAnErrorNamingIt() throws IOException {
    String nowhere = StateLocations.resolve(root, "no-checkpoint-here");
    IOException error =
        assertThrows(IOException.class, () -> CheckpointStorages.readMetadata(nowhere));
    assertTrue(
        String.valueOf(error.getMessage()).contains("no-checkpoint-here"),
        "the error names the location: " + error);
  }
}
