package io.eddy.runtime.storage;

import io.eddy.api.fs.FileSystems;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Finds the {@link CheckpointStorageFactory} of a location by its URI scheme, and reads state files
 * from this TaskManager's verified local copies when it has them ({@link LocalStateCopies}). A
 * plain path (or {@code file:}) is the local file system; another scheme needs the module that
 * provides it on the class path, else the error names the scheme. Any thread.
 */
public final class CheckpointStorages {
  private static final List<CheckpointStorageFactory> FACTORIES = load();
  private static final CheckpointStorageFactory FILE_SYSTEM_STORAGE =
      new FsCheckpointStorageFactory();

  private CheckpointStorages() {}

  /** The JobManager's storage of a job's checkpoints under {@code rootLocation}. */
  public static CheckpointStorage storage(String rootLocation, String jobId) throws IOException {
    return factoryFor(rootLocation).createStorage(rootLocation, jobId);
  }

  /** A subtask attempt's writer of state files under {@code rootLocation}. */
  public static CheckpointStreamFactory streamFactory(
      String rootLocation, String jobId, int vertexIndex, int subtaskIndex, int attemptNumber) {
    return factoryFor(rootLocation)
        .createStreamFactory(rootLocation, jobId, vertexIndex, subtaskIndex, attemptNumber);
  }

  /** Opens the state file at {@code location} for reading anywhere in it. */
  public static SeekableByteChannel openForRead(String location) throws IOException {
    Optional<Path> copy = LocalStateCopies.verifiedCopy(location);
    if (copy.isPresent()) {
      return FileChannel.open(copy.get(), StandardOpenOption.READ);
    }
    return factoryFor(location).openForRead(location);
  }

  /** Opens the state file at {@code location} for reading from the start. */
  public static InputStream openStream(String location) throws IOException {
    Optional<Path> copy = LocalStateCopies.verifiedCopy(location);
    if (copy.isPresent()) {
      return Files.newInputStream(copy.get());
    }
    return factoryFor(location).openStream(location);
  }

  /** Reads the whole state file at {@code location}. */
  public static byte[] readAll(String location) throws IOException {
    try (InputStream in = openStream(location)) {
      return in.readAllBytes();
    }
  }

  /** Reads the metadata of the completed checkpoint or savepoint at {@code location}. */
  public static CheckpointMetadata readMetadata(String location) throws IOException {
    return factoryFor(location).readMetadata(location);
  }

  /**
   * Where checkpoints go when a job names no directory: {@code eddy-checkpoints} in the temp dir.
   */
  public static String defaultRoot() {
    return Path.of(System.getProperty("java.io.tmpdir"), "eddy-checkpoints").toString();
  }

  /** {@code location} with a plain path made absolute (tasks may run in another directory). */
  public static String absolute(String location) {
    return FileSystems.absolute(location);
  }

  /**
   * The factory that stores at {@code location}'s scheme: a module's own for that scheme, else the
   * one on the {@link io.eddy.api.fs.FileSystem} of the scheme (whose lookup names a scheme no
   * module serves).
   */
  public static CheckpointStorageFactory factoryFor(String location) {
    String scheme = schemeOf(location);
    for (CheckpointStorageFactory factory : FACTORIES) {
      if (factory.accepts(scheme)) {
        return factory;
      }
    }
    return FILE_SYSTEM_STORAGE;
  }

  /** The URI scheme of a location, or null for a plain path. */
  static String schemeOf(String location) {
    return FileSystems.schemeOf(location);
  }

  private static List<CheckpointStorageFactory> load() {
    List<CheckpointStorageFactory> factories = new ArrayList<>();
    ServiceLoader.load(CheckpointStorageFactory.class, CheckpointStorages.class.getClassLoader())
        .forEach(factories::add);
    return List.copyOf(factories);
  }
}
