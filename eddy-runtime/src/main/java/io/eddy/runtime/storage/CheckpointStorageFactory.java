package io.eddy.runtime.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;

/**
 * Checkpoint storage for one kind of location (a URI scheme), found by {@link CheckpointStorages}
 * through {@link java.util.ServiceLoader}: the local file system is built in, and a module that
 * adds a file system (HDFS, S3) registers its factory in {@code
 * META-INF/services/io.eddy.runtime.storage.CheckpointStorageFactory}.
 *
 * <p>Threading: implementations are stateless or thread-safe; any thread.
 */
public interface CheckpointStorageFactory {
  /** Whether this factory stores at {@code scheme} ({@code null} for a plain path). */
  boolean accepts(String scheme);

  /** The JobManager's storage of job {@code jobId}'s checkpoints under {@code rootLocation}. */
  CheckpointStorage createStorage(String rootLocation, String jobId) throws IOException;

  /** A subtask attempt's writer of state files under {@code rootLocation}. */
  CheckpointStreamFactory createStreamFactory(
      String rootLocation, String jobId, int vertexIndex, int subtaskIndex, int attemptNumber);

  /** Opens a state file for reading anywhere in it (restore reads only some key groups). */
  SeekableByteChannel openForRead(String location) throws IOException;

  /** Opens a state file for reading from the start. */
  InputStream openStream(String location) throws IOException;

  /** Reads the metadata of the completed checkpoint or savepoint at {@code location}. */
  CheckpointMetadata readMetadata(String location) throws IOException;
}
