package io.eddy.runtime.storage;

import io.eddy.api.fs.FileSystems;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;

/**
 * Checkpoint storage on any {@link io.eddy.api.fs.FileSystem}: plain paths, {@code file:}, and
 * every scheme a file-system module serves ({@code hdfs:}, {@code s3:}). The fallback of {@link
 * CheckpointStorages}, so a module with a storage of its own for a scheme takes precedence.
 * Stateless.
 */
public final class FsCheckpointStorageFactory implements CheckpointStorageFactory {
  @Override
  public boolean accepts(String scheme) {
    return true;
  }

  @Override
  public CheckpointStorage createStorage(String rootLocation, String jobId) throws IOException {
    return new FsCheckpointStorage(rootLocation, jobId);
  }

  @Override
  public CheckpointStreamFactory createStreamFactory(
      String rootLocation, String jobId, int vertexIndex, int subtaskIndex, int attemptNumber) {
    return new FsCheckpointStreamFactory(
        FsCheckpointStorage.jobDirectory(FileSystems.absolute(rootLocation), jobId),
        vertexIndex,
        subtaskIndex,
        attemptNumber);
  }

  @Override
  public SeekableByteChannel openForRead(String location) throws IOException {
    return FileSystems.get(location).openForRead(location);
  }

  @Override
  public InputStream openStream(String location) throws IOException {
    return FileSystems.get(location).open(location);
  }

  @Override
  public CheckpointMetadata readMetadata(String location) throws IOException {
    return FsCheckpointStorage.readMetadata(location);
  }
}
