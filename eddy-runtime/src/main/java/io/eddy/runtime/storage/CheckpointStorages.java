package io.eddy.runtime.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds the {@link CheckpointStorageFactory} of a location by its URI scheme. A plain path (or
 * {@code file:}) is the local file system; another scheme needs the module that provides it on the
 * class path, else the error names the scheme. Any thread.
 */
public final class CheckpointStorages {
  private static final List<CheckpointStorageFactory> FACTORIES = load();

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
    return factoryFor(location).openForRead(location);
  }

  /** Opens the state file at {@code location} for reading from the start. */
  public static InputStream openStream(String location) throws IOException {
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
    return schemeOf(location) == null ? Path.of(location).toAbsolutePath().toString() : location;
  }

  /** The factory that stores at {@code location}'s scheme. */
  public static CheckpointStorageFactory factoryFor(String location) {
    String scheme = schemeOf(location);
    for (CheckpointStorageFactory factory : FACTORIES) {
      if (factory.accepts(scheme)) {
        return factory;
      }
    }
    throw new IllegalArgumentException(
        "No checkpoint storage for '"
            + scheme
            + ":' locations such as "
            + location
            + ": put the module that provides that file system on the class path, or use a local"
            + " path");
  }

  /** The URI scheme of a location, or null for a plain path (a Windows drive is a path). */
  static String schemeOf(String location) {
    int colon = location.indexOf(':');
    if (colon < 2 || location.indexOf('/') >= 0 && location.indexOf('/') < colon) {
      return null;
    }
    try {
      return URI.create(location).getScheme();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static List<CheckpointStorageFactory> load() {
    List<CheckpointStorageFactory> factories = new ArrayList<>();
    ServiceLoader.load(CheckpointStorageFactory.class, CheckpointStorages.class.getClassLoader())
        .forEach(factories::add);
    if (factories.stream().noneMatch(f -> f.accepts(null))) {
      factories.add(new FsCheckpointStorageFactory());
    }
    return List.copyOf(factories);
  }
}
