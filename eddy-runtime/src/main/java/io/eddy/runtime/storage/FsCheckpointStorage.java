package io.eddy.runtime.storage;

import io.eddy.runtime.snapshot.StateFileHandle;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
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
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoints of one job in a directory of a (local or mounted) filesystem:
 *
 * <pre>
 * &lt;root&gt;/&lt;jobId&gt;/chk-&lt;id&gt;/            one directory per checkpoint attempt
 * &lt;root&gt;/&lt;jobId&gt;/chk-&lt;id&gt;/&lt;state files&gt;  written by the subtasks
 * &lt;root&gt;/&lt;jobId&gt;/chk-&lt;id&gt;/_metadata      written last, atomically: the checkpoint is complete
 * </pre>
 *
 * <p>A directory without {@code _metadata} is an attempt in progress or a failed one. The metadata
 * file is written to a temporary file, forced to disk, and renamed, so it is either absent or
 * complete (see {@link CheckpointMetadataFormat}). Not thread-safe: one coordinator uses it.
 */
public final class FsCheckpointStorage {
  private static final Logger LOG = LoggerFactory.getLogger(FsCheckpointStorage.class);

  public static final String METADATA_FILE = "_metadata";
  private static final String METADATA_TEMP_FILE = "_metadata.inprogress";
  private static final Pattern CHECKPOINT_DIR = Pattern.compile("chk-(\\d+)");

  private final Path jobDirectory;

  public FsCheckpointStorage(Path root, String jobId) {
    if (!StateFileHandle.isPlainFileName(jobId)) {
      throw new IllegalArgumentException("Not a usable job id for a directory name: " + jobId);
    }
    this.jobDirectory = root.resolve(jobId);
  }

  public Path jobDirectory() {
    return jobDirectory;
  }

  /** The directory of checkpoint {@code checkpointId} (it may not exist). */
  public Path checkpointDirectory(long checkpointId) {
    return jobDirectory.resolve("chk-" + checkpointId);
  }

  /**
   * Creates the directory of a new checkpoint attempt, where the subtasks write their state files.
   * An existing completed checkpoint of that id is an error.
   */
  public Path initCheckpoint(long checkpointId) throws IOException {
    Path dir = checkpointDirectory(checkpointId);
    if (Files.exists(dir.resolve(METADATA_FILE))) {
      throw new IOException("Checkpoint " + checkpointId + " already completed in " + dir);
    }
    return Files.createDirectories(dir);
  }

  /** Writes the bytes of one state file to a stream (for example {@code snapshot::writeTo}). */
  @FunctionalInterface
  public interface StateWriter {
    void writeTo(OutputStream out) throws IOException;

    /**
     * Called once the writer is no longer needed, written or not (the checkpoint failed or was
     * abandoned), so it can free what it holds for writing. Idempotent; any thread.
     */
    default void release() {}
  }

  /**
   * Writes state file {@code fileName} of an attempt started with {@link #initCheckpoint} and
   * forces it to disk, so that it is durable before the metadata naming it is written. Returns its
   * path. Any thread.
   */
  public Path writeStateFile(long checkpointId, String fileName, StateWriter writer)
      throws IOException {
    if (!StateFileHandle.isPlainFileName(fileName) || fileName.startsWith(METADATA_FILE)) {
      throw new IllegalArgumentException("Not a usable state file name: " + fileName);
    }
    Path file = checkpointDirectory(checkpointId).resolve(fileName);
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
      writer.writeTo(out);
      out.flush();
      channel.force(true);
    }
    return file;
  }

  /**
   * Completes a checkpoint: writes its {@code _metadata} atomically (temporary file, fsync, rename,
   * fsync of the directory). Every state file it names must exist already.
   */
  public Path completeCheckpoint(CheckpointMetadata metadata) throws IOException {
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
    return target;
  }

  /** Reads the metadata of a completed checkpoint; an unreadable file names its path. */
  public CheckpointMetadata readMetadata(CheckpointDirectory checkpoint) throws IOException {
    Path file = checkpoint.metadataFile();
    byte[] bytes = Files.readAllBytes(file);
    try {
      CheckpointMetadata metadata = CheckpointMetadataFormat.read(bytes);
      if (metadata.checkpointId() != checkpoint.checkpointId()) {
        throw new IOException(
            "it describes checkpoint "
                + metadata.checkpointId()
                + ", not "
                + checkpoint.checkpointId());
      }
      return metadata;
    } catch (IOException e) {
      throw new CorruptCheckpointMetadataException(file, e.getMessage(), e);
    }
  }

  /** The completed checkpoints (directories with {@code _metadata}), oldest first. */
  public List<CheckpointDirectory> listCompleted() throws IOException {
    List<CheckpointDirectory> completed = new ArrayList<>();
    for (CheckpointDirectory attempt : listAttempts()) {
      if (Files.isRegularFile(attempt.metadataFile())) {
        completed.add(attempt);
      }
    }
    return completed;
  }

  /**
   * The newest completed checkpoint whose metadata reads, with its metadata; unreadable newer ones
   * are skipped with a warning. Empty if there is none.
   */
  public Optional<RestorableCheckpoint> latestRestorable() throws IOException {
    List<CheckpointDirectory> completed = listCompleted();
    for (int i = completed.size() - 1; i >= 0; i--) {
      CheckpointDirectory checkpoint = completed.get(i);
      try {
        return Optional.of(new RestorableCheckpoint(checkpoint, readMetadata(checkpoint)));
      } catch (CorruptCheckpointMetadataException e) {
        LOG.warn("{}; falling back to an older checkpoint", e.getMessage());
      }
    }
    return Optional.empty();
  }

  /** Deletes all but the newest {@code count} completed checkpoints; returns the deleted ids. */
  public List<Long> retainLast(int count) throws IOException {
    if (count < 1) {
      throw new IllegalArgumentException("Retain at least one checkpoint, not " + count);
    }
    List<CheckpointDirectory> completed = listCompleted();
    List<Long> deleted = new ArrayList<>();
    for (int i = 0; i < completed.size() - count; i++) {
      // the metadata goes first, so a crash midway leaves a failed attempt, not a broken checkpoint
      Files.deleteIfExists(completed.get(i).metadataFile());
      deleteRecursively(completed.get(i).directory());
      deleted.add(completed.get(i).checkpointId());
    }
    return deleted;
  }

  /**
   * Deletes the directories of attempts without {@code _metadata}, except the attempts still in
   * progress; returns the deleted ids.
   */
  public List<Long> deleteFailedAttempts(Set<Long> inProgress) throws IOException {
    List<Long> deleted = new ArrayList<>();
    for (CheckpointDirectory attempt : listAttempts()) {
      if (!inProgress.contains(attempt.checkpointId()) && !Files.exists(attempt.metadataFile())) {
        deleteRecursively(attempt.directory());
        deleted.add(attempt.checkpointId());
      }
    }
    return deleted;
  }

  /** Deletes the job's whole checkpoint directory (the job ended and keeps no checkpoints). */
  public void discardAll() throws IOException {
    deleteRecursively(jobDirectory);
  }

  /** Deletes the directory of one attempt (an aborted checkpoint). */
  public void discardAttempt(long checkpointId) throws IOException {
    deleteRecursively(checkpointDirectory(checkpointId));
  }

  /**
   * Copies a completed checkpoint to {@code target} (which must not exist), making it a savepoint
   * that outlives the job: its metadata names its files relative to its own directory.
   */
  public Path copyCompleted(long checkpointId, Path target) throws IOException {
    Path source = checkpointDirectory(checkpointId);
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
    return target;
  }

  /** Reads the metadata of a completed checkpoint or savepoint directory given by its path. */
  public static CheckpointMetadata readMetadata(Path directory) throws IOException {
    Path file = directory.resolve(METADATA_FILE);
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(
          file.toString(), null, "no checkpoint or savepoint metadata there");
    }
    try {
      return CheckpointMetadataFormat.read(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new CorruptCheckpointMetadataException(file, e.getMessage(), e);
    }
  }

  /** All {@code chk-<id>} directories, complete or not, by increasing id. */
  private List<CheckpointDirectory> listAttempts() throws IOException {
    if (!Files.isDirectory(jobDirectory)) {
      return List.of();
    }
    List<CheckpointDirectory> attempts = new ArrayList<>();
    try (Stream<Path> children = Files.list(jobDirectory)) {
      for (Path child : (Iterable<Path>) children::iterator) {
        Matcher m = CHECKPOINT_DIR.matcher(child.getFileName().toString());
        if (m.matches() && Files.isDirectory(child)) {
          attempts.add(new CheckpointDirectory(Long.parseLong(m.group(1)), child));
        }
      }
    }
    attempts.sort(Comparator.comparingLong(CheckpointDirectory::checkpointId));
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
  private static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      LOG.debug("Cannot fsync directory {}: {}", dir, e.toString());
    }
  }

  /** A completed checkpoint whose metadata was read. */
  public record RestorableCheckpoint(CheckpointDirectory checkpoint, CheckpointMetadata metadata) {}
}
