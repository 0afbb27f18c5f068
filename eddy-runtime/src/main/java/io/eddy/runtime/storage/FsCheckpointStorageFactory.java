package io.eddy.runtime.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checkpoint storage on the local (or a mounted) file system: plain paths and {@code file:} URIs.
 * Stateless.
 */
public final class FsCheckpointStorageFactory implements CheckpointStorageFactory {
  @Override
  public boolean accepts(String scheme) {
    return scheme == null || scheme.equals("file");
  }

  @Override
  public CheckpointStorage createStorage(String rootLocation, String jobId) {
    return new FsCheckpointStorage(path(rootLocation), jobId);
  }

  @Override
  public CheckpointStreamFactory createStreamFactory(
      String rootLocation, String jobId, int vertexIndex, int subtaskIndex, int attemptNumber) {
    return new FsCheckpointStreamFactory(
        FsCheckpointStorage.jobDirectory(path(rootLocation).toAbsolutePath(), jobId),
        vertexIndex,
        subtaskIndex,
        attemptNumber);
  }

  @Override
  public SeekableByteChannel openForRead(String location) throws IOException {
    return FileChannel.open(path(location), StandardOpenOption.READ);
  }

  @Override
  public InputStream openStream(String location) throws IOException {
    return Files.newInputStream(path(location));
  }

  @Override
  public CheckpointMetadata readMetadata(String location) throws IOException {
    return FsCheckpointStorage.readMetadata(path(location));
  }

  /** The path of a plain path or {@code file:} URI location. */
  static Path path(String location) {
    return location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
  }
}
