package io.eddy.runtime.storage;

import io.eddy.runtime.snapshot.StateFileHandle;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoints of one job in a directory of a (local or mounted) file system:
 *
 * <pre>
 * &lt;root&gt;/&lt;jobId&gt;/chk-&lt;id&gt;/            one directory per checkpoint attempt
 * &lt;root&gt;/&lt;jobId&gt;/chk-&lt;id&gt;/&lt;state files&gt;  written by the subtasks
 * &lt;root&gt;/&lt;jobId&gt;/chk-&lt;id&gt;/_metadata      written last, atomically: the checkpoint is complete
 * </pre>
 *
 * <p>A directory without {@code _metadata} is an attempt in progress or a failed one. The metadata
 * file is written to a temporary file, forced to disk, and renamed, so it is either absent or
 * complete (see {@link CheckpointMetadataFormat}). Locations are absolute paths. Not thread-safe:
 * one coordinator uses it.
 */
public final class FsCheckpointStorage implements CheckpointStorage {
  private static final Logger LOG = LoggerFactory.getLogger(FsCheckpointStorage.class);

  static final String METADATA_FILE = "_metadata";
  private static final String METADATA_TEMP_FILE = "_metadata.inprogress";
  private static final Pattern CHECKPOINT_DIR = Pattern.compile("chk-(\\d+)");

  private final Path root;
  private final Path jobDirectory;

  public FsCheckpointStorage(Path root, String jobId) {
    this.root = root.toAbsolutePath();
    this.jobDirectory = jobDirectory(this.root, jobId);
  }

  /** The directory of a job's checkpoints under {@code root}. */
  static Path jobDirectory(Path root, String jobId) {
    if (!StateFileHandle.isPlainFileName(jobId)) {
      throw new IllegalArgumentException("Not a usable job id for a directory name: " + jobId);
    }
    return root.resolve(jobId);
  }

  /** The directory of checkpoint {@code checkpointId} of a job's directory. */
  static Path checkpointDirectory(Path jobDirectory, long checkpointId) {
    return jobDirectory.resolve("chk-" + checkpointId);
  }

  @Override
  public String jobLocation() {
    return jobDirectory.toString();
  }

  @Override
  public String rootLocation() {
    return root.toString();
  }

  /** The directory of checkpoint {@code checkpointId} (it may not exist). */
  public Path checkpointDirectory(long checkpointId) {
    return checkpointDirectory(jobDirectory, checkpointId);
  }

  @Override
  public void initCheckpoint(long checkpointId) throws IOException {
    Path dir = checkpointDirectory(checkpointId);
    if (Files.exists(dir.resolve(METADATA_FILE))) {
      throw new IOException("Checkpoint " + checkpointId + " already completed in " + dir);
    }
    Files.createDirectories(dir);
  }

  /**
   * Writes the metadata atomically (temporary file, fsync, rename, fsync of the directory). Every
   * state file it names must exist already.
   */
  @Override
  public String completeCheckpoint(CheckpointMetadata metadata) throws IOException {
    Path dir = checkpointDirectory(metadata.checkpointId());
    for (StateFileHandle file : metadata.stateFiles()) {
      if (!Files.isRegularFile(dir.resolve(file.fileName()))) {
        throw new NoSuchFileException(
            dir.resolve(file.fileName()).toString(), null, "state file of the checkpoint missing");
      }
    }
    Path temp = dir.resolve(METADATA_TEMP_FILE);
    Path target = dir.resolve(METADATA_FILE);
    ByteBuffer bytes = ByteBuffer.wrap(CheckpointMetadataFormat.write(metadata));
    try (FileChannel channel =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.deleteIfExists(temp);
      throw new IOException("The filesystem of " + dir + " cannot rename atomically", e);
    }
    forceDirectory(dir);
    return dir.toString();
  }

  @Override
  public CheckpointMetadata readMetadata(CheckpointLocation checkpoint) throws IOException {
    CheckpointMetadata metadata = readMetadata(Path.of(checkpoint.location()));
    if (metadata.checkpointId() != checkpoint.checkpointId()) {
      throw new CorruptCheckpointMetadataException(
          Path.of(checkpoint.location(), METADATA_FILE).toString(),
          "it describes checkpoint "
              + metadata.checkpointId()
              + ", not "
              + checkpoint.checkpointId(),
          null);
    }
    return metadata;
  }

  @Override
  public List<CheckpointLocation> listCompleted() throws IOException {
    List<CheckpointLocation> completed = new ArrayList<>();
    for (CheckpointLocation attempt : listAttempts()) {
      if (Files.isRegularFile(metadataFile(attempt))) {
        completed.add(attempt);
      }
    }
    return completed;
  }

  @Override
  public List<Long> retainLast(int count) throws IOException {
    if (count < 1) {
      throw new IllegalArgumentException("Retain at least one checkpoint, not " + count);
    }
    List<CheckpointLocation> completed = listCompleted();
    List<Long> deleted = new ArrayList<>();
    for (int i = 0; i < completed.size() - count; i++) {
      // the metadata goes first, so a crash midway leaves a failed attempt, not a broken checkpoint
      Files.deleteIfExists(metadataFile(completed.get(i)));
      deleteRecursively(Path.of(completed.get(i).location()));
      deleted.add(completed.get(i).checkpointId());
    }
    return deleted;
  }

  @Override
  public List<Long> deleteFailedAttempts(Set<Long> inProgress) throws IOException {
    List<Long> deleted = new ArrayList<>();
    for (CheckpointLocation attempt : listAttempts()) {
      if (!inProgress.contains(attempt.checkpointId()) && !Files.exists(metadataFile(attempt))) {
        deleteRecursively(Path.of(attempt.location()));
        deleted.add(attempt.checkpointId());
      }
    }
    return deleted;
  }

  @Override
  public void discardAll() throws IOException {
    deleteRecursively(jobDirectory);
  }

  @Override
  public void discardAttempt(long checkpointId) throws IOException {
    deleteRecursively(checkpointDirectory(checkpointId));
  }

  /**
   * Copies the checkpoint's files, the metadata last, into {@code
   * <targetDirectory>/savepoint-<jobId>-<checkpointId>}, which must not exist.
   */
  @Override
  public String copyToSavepoint(long checkpointId, String targetDirectory) throws IOException {
    Path source = checkpointDirectory(checkpointId);
    Path target =
        FsCheckpointStorageFactory.path(targetDirectory)
            .toAbsolutePath()
            .resolve("savepoint-" + jobDirectory.getFileName() + "-" + checkpointId);
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (!file.getFileName().toString().equals(METADATA_FILE)) {
          Files.copy(file, target.resolve(file.getFileName()));
        }
      }
    }
    // the metadata last, as in a checkpoint: a crash midway leaves no usable half savepoint
    Files.copy(source.resolve(METADATA_FILE), target.resolve(METADATA_FILE));
    forceDirectory(target);
    return target.toString();
  }

  /** Reads the metadata of a completed checkpoint or savepoint directory given by its path. */
  static CheckpointMetadata readMetadata(Path directory) throws IOException {
    Path file = directory.resolve(METADATA_FILE);
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(
          file.toString(), null, "no checkpoint or savepoint metadata there");
    }
    try {
      return CheckpointMetadataFormat.read(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new CorruptCheckpointMetadataException(file.toString(), e.getMessage(), e);
    }
  }

  private static Path metadataFile(CheckpointLocation checkpoint) {
    return Path.of(checkpoint.location(), METADATA_FILE);
  }

  /** All {@code chk-<id>} directories, complete or not, by increasing id. */
  private List<CheckpointLocation> listAttempts() throws IOException {
    if (!Files.isDirectory(jobDirectory)) {
      return List.of();
    }
    List<CheckpointLocation> attempts = new ArrayList<>();
    try (Stream<Path> children = Files.list(jobDirectory)) {
      for (Path child : (Iterable<Path>) children::iterator) {
        Matcher m = CHECKPOINT_DIR.matcher(child.getFileName().toString());
        if (m.matches() && Files.isDirectory(child)) {
          attempts.add(new CheckpointLocation(Long.parseLong(m.group(1)), child.toString()));
        }
      }
    }
    attempts.sort(Comparator.comparingLong(CheckpointLocation::checkpointId));
    return attempts;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** Makes a rename in {@code dir} durable (where the platform allows opening directories). */
  static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      LOG.debug("Cannot fsync directory {}: {}", dir, e.toString());
    }
  }
}
