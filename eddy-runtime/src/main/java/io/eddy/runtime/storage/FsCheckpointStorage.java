package io.eddy.runtime.storage;

import io.eddy.api.fs.FileStatus;
import io.eddy.api.fs.FileSystem;
import io.eddy.api.fs.FileSystems;
import io.eddy.api.fs.WriteMode;
import io.eddy.runtime.snapshot.StateFileHandle;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checkpoints of one job in a directory of any {@link FileSystem} (local, HDFS, S3):
 *
 * <pre>
 * &lt;root&gt;/&lt;jobId&gt;/chk-&lt;id&gt;/            one directory (key prefix) per checkpoint attempt
 * &lt;root&gt;/&lt;jobId&gt;/chk-&lt;id&gt;/&lt;state files&gt;  written by the subtasks
 * &lt;root&gt;/&lt;jobId&gt;/chk-&lt;id&gt;/_metadata      written last, atomically: the checkpoint is complete
 * </pre>
 *
 * <p>An attempt without {@code _metadata} is in progress or failed. Where the file system renames
 * atomically the metadata is written to a temporary file and renamed; on an object store, which has
 * no rename, it is written directly, as a single object appears whole or not at all (see {@link
 * CheckpointMetadataFormat}). Retention and clean-up find attempts by listing. Locations are
 * strings in the root's scheme. Not thread-safe: one coordinator uses it.
 */
public final class FsCheckpointStorage implements CheckpointStorage {
  static final String METADATA_FILE = "_metadata";
  private static final String METADATA_TEMP_FILE = "_metadata.inprogress";
  private static final Pattern CHECKPOINT_DIR = Pattern.compile("chk-(\\d+)");

  private final FileSystem fs;
  private final String rawRoot; // as configured: with an entropy marker, if any
  private final String jobDirectory;

  public FsCheckpointStorage(String rootLocation, String jobId) throws IOException {
    this.rawRoot = FileSystems.absolute(rootLocation);
    this.fs = FileSystems.get(rawRoot);
    // directories and metadata never carry entropy; only state files are spread (by the tasks)
    this.jobDirectory = jobDirectory(fs.withoutEntropyMarker(rawRoot), jobId);
  }

  /** The directory of a job's checkpoints under {@code root}. */
  static String jobDirectory(String root, String jobId) {
    if (!StateFileHandle.isPlainFileName(jobId)) {
      throw new IllegalArgumentException("Not a usable job id for a directory name: " + jobId);
    }
    return FileSystem.child(root, jobId);
  }

  /** The directory of checkpoint {@code checkpointId} of a job's directory. */
  static String checkpointDirectory(String jobDirectory, long checkpointId) {
    return FileSystem.child(jobDirectory, "chk-" + checkpointId);
  }

  @Override
  public String jobLocation() {
    return jobDirectory;
  }

  /** The root as configured: tasks spread their state files by its entropy marker. */
  @Override
  public String rootLocation() {
    return rawRoot;
  }

  /** The location of checkpoint {@code checkpointId} (it may not exist). */
  public String checkpointDirectory(long checkpointId) {
    return checkpointDirectory(jobDirectory, checkpointId);
  }

  @Override
  public void initCheckpoint(long checkpointId) throws IOException {
    String dir = checkpointDirectory(checkpointId);
    if (fs.exists(FileSystem.child(dir, METADATA_FILE))) {
      throw new IOException("Checkpoint " + checkpointId + " already completed in " + dir);
    }
    fs.mkdirs(dir);
  }

  /**
   * Writes the metadata so that it is absent or whole (rename where the file system has it, a
   * single object otherwise). Every state file it names must exist already.
   */
  @Override
  public String completeCheckpoint(CheckpointMetadata metadata) throws IOException {
    String dir = checkpointDirectory(metadata.checkpointId());
    for (StateFileHandle file : metadata.stateFiles()) {
      if (file.isInline()) {
        continue; // its bytes are in the metadata
      }
      String location = StateLocations.location(dir, file);
      if (!fs.exists(location)) {
        throw new FileNotFoundException(
            location + ": state file of checkpoint " + metadata.checkpointId() + " missing");
      }
    }
    byte[] bytes = CheckpointMetadataFormat.write(metadata);
    String target = FileSystem.child(dir, METADATA_FILE);
    if (fs.hasAtomicRename()) {
      String temp = FileSystem.child(dir, METADATA_TEMP_FILE);
      writeFile(fs, temp, bytes, WriteMode.OVERWRITE);
      fs.rename(temp, target);
    } else {
      writeFile(fs, target, bytes, WriteMode.NO_OVERWRITE);
    }
    return dir;
  }

  private static void writeFile(FileSystem fs, String location, byte[] bytes, WriteMode mode)
      throws IOException {
    try (OutputStream out = fs.create(location, mode)) {
      out.write(bytes);
    }
  }

  @Override
  public CheckpointMetadata readMetadata(CheckpointLocation checkpoint) throws IOException {
    CheckpointMetadata metadata = readMetadata(checkpoint.location());
    if (metadata.checkpointId() != checkpoint.checkpointId()) {
      throw new CorruptCheckpointMetadataException(
          FileSystem.child(checkpoint.location(), METADATA_FILE),
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
      if (fs.exists(metadataFile(attempt))) {
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
      deleteSpreadFiles(completed.get(i));
      // the metadata goes first, so a crash midway leaves a failed attempt, not a broken checkpoint
      fs.delete(metadataFile(completed.get(i)), false);
      fs.delete(completed.get(i).location(), true);
      deleted.add(completed.get(i).checkpointId());
    }
    return deleted;
  }

  @Override
  public List<Long> deleteFailedAttempts(Set<Long> inProgress) throws IOException {
    List<Long> deleted = new ArrayList<>();
    for (CheckpointLocation attempt : listAttempts()) {
      if (!inProgress.contains(attempt.checkpointId()) && !fs.exists(metadataFile(attempt))) {
        fs.delete(attempt.location(), true);
        deleted.add(attempt.checkpointId());
      }
    }
    return deleted;
  }

  @Override
  public void discardAll() throws IOException {
    for (CheckpointLocation checkpoint : listCompleted()) {
      deleteSpreadFiles(checkpoint);
    }
    fs.delete(jobDirectory, true);
  }

  @Override
  public void discardAttempt(long checkpointId) throws IOException {
    fs.delete(checkpointDirectory(checkpointId), true);
  }

  @Override
  public void discardAttempt(long checkpointId, List<StateFileHandle> written) throws IOException {
    for (StateFileHandle file : written) {
      if (file.location() != null) {
        fs.delete(file.location(), false);
      }
    }
    discardAttempt(checkpointId);
  }

  /** Deletes a completed checkpoint's state files that are outside its directory (spread). */
  private void deleteSpreadFiles(CheckpointLocation checkpoint) {
    CheckpointMetadata metadata;
    try {
      metadata = readMetadata(checkpoint);
      for (StateFileHandle file : metadata.stateFiles()) {
        if (file.location() != null) {
          fs.delete(file.location(), false);
        }
      }
    } catch (IOException e) {
      // unreadable metadata: its spread files cannot be found any more; the directory still goes
    }
  }

  /**
   * Copies the checkpoint's state files (by its metadata, wherever they are), then its metadata —
   * naming every file relative to the savepoint — into {@code
   * <targetDirectory>/savepoint-<jobId>-<checkpointId>} (in any file system), which must not exist.
   */
  @Override
  public String copyToSavepoint(long checkpointId, String targetDirectory) throws IOException {
    String source = checkpointDirectory(checkpointId);
    String jobId = jobDirectory.substring(jobDirectory.lastIndexOf('/') + 1);
    String absoluteTarget = FileSystems.absolute(targetDirectory);
    FileSystem targetFs = FileSystems.get(absoluteTarget);
    String target = FileSystem.child(absoluteTarget, "savepoint-" + jobId + "-" + checkpointId);
    if (targetFs.exists(FileSystem.child(target, METADATA_FILE))) {
      throw new IOException("A savepoint exists already at " + target);
    }
    CheckpointMetadata metadata = readMetadata(source);
    targetFs.mkdirs(target);
    List<StateFileHandle> copied = new ArrayList<>();
    for (StateFileHandle file : metadata.stateFiles()) {
      if (!file.isInline()) {
        copy(
            StateLocations.location(source, file),
            targetFs,
            FileSystem.child(target, file.fileName()));
      }
      copied.add(file.inCheckpointDirectory());
    }
    // the metadata last, as in a checkpoint: a crash midway leaves no usable half savepoint
    CheckpointMetadata savepoint =
        new CheckpointMetadata(
            metadata.checkpointId(),
            metadata.timestamp(),
            copied,
            metadata.operators(),
            metadata.savepoint());
    try (OutputStream out =
        targetFs.create(FileSystem.child(target, METADATA_FILE), WriteMode.NO_OVERWRITE)) {
      out.write(CheckpointMetadataFormat.write(savepoint));
    }
    return target;
  }

  private void copy(String from, FileSystem targetFs, String to) throws IOException {
    try (InputStream in = fs.open(from);
        OutputStream out = targetFs.create(to, WriteMode.NO_OVERWRITE)) {
      in.transferTo(out);
    }
  }

  /** Reads the metadata of a completed checkpoint or savepoint directory at {@code directory}. */
  static CheckpointMetadata readMetadata(String directory) throws IOException {
    String file = FileSystem.child(directory, METADATA_FILE);
    FileSystem fs = FileSystems.get(file);
    byte[] bytes;
    try (InputStream in = fs.open(file)) {
      bytes = in.readAllBytes();
    } catch (FileNotFoundException e) {
      throw new FileNotFoundException(file + ": no checkpoint or savepoint metadata there");
    }
    try {
      return CheckpointMetadataFormat.read(bytes);
    } catch (IOException e) {
      throw new CorruptCheckpointMetadataException(file, e.getMessage(), e);
    }
  }

  private static String metadataFile(CheckpointLocation checkpoint) {
    return FileSystem.child(checkpoint.location(), METADATA_FILE);
  }

  /** All {@code chk-<id>} directories, complete or not, by increasing id. */
  private List<CheckpointLocation> listAttempts() throws IOException {
    List<CheckpointLocation> attempts = new ArrayList<>();
    for (FileStatus child : fs.list(jobDirectory)) {
      Matcher m = CHECKPOINT_DIR.matcher(child.name());
      if (m.matches() && child.directory()) {
        attempts.add(
            new CheckpointLocation(
                Long.parseLong(m.group(1)),
                checkpointDirectory(jobDirectory, Long.parseLong(m.group(1)))));
      }
    }
    attempts.sort(Comparator.comparingLong(CheckpointLocation::checkpointId));
    return attempts;
  }
}
