package io.eddy.runtime.storage;

import io.eddy.api.fs.FileSystem;
import io.eddy.api.fs.FileSystems;
import io.eddy.api.fs.WriteMode;
import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.snapshot.StateFileHandle;
import io.eddy.runtime.snapshot.StateWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a subtask attempt's state files into the checkpoint directories of {@link
 * FsCheckpointStorage}, on any {@link FileSystem}; each file is durable (closed) before it is
 * acknowledged. State of at most {@link #INLINE_THRESHOLD} bytes is not written to a file but
 * returned in its handle, to be kept in the checkpoint's metadata. Thread-safe: it holds no mutable
 * state.
 */
final class FsCheckpointStreamFactory implements CheckpointStreamFactory {
  /** Largest state kept inline in the metadata (as Flink's default memory threshold). */
  static final int INLINE_THRESHOLD = 20 * 1024;

  private final String jobDirectory;
  private final int vertexIndex;
  private final int subtaskIndex;
  private final int attemptNumber;

  FsCheckpointStreamFactory(
      String jobDirectory, int vertexIndex, int subtaskIndex, int attemptNumber) {
    this.jobDirectory = jobDirectory;
    this.vertexIndex = vertexIndex;
    this.subtaskIndex = subtaskIndex;
    this.attemptNumber = attemptNumber;
  }

  @Override
  public StateFileHandle writeKeyedState(
      long checkpointId,
      int chainIndex,
      String operatorId,
      KeyGroupRange keyGroups,
      StateWriter writer)
      throws IOException {
    String name =
        StateLocations.stateFileName(vertexIndex, chainIndex, subtaskIndex, attemptNumber, "keyed");
    return write(checkpointId, name, writer).handle(operatorId, subtaskIndex, name, keyGroups);
  }

  @Override
  public StateFileHandle writeOperatorState(
      long checkpointId, int chainIndex, String operatorId, StateWriter writer) throws IOException {
    String name =
        StateLocations.stateFileName(vertexIndex, chainIndex, subtaskIndex, attemptNumber, "op");
    return write(checkpointId, name, writer)
        .handle(operatorId, subtaskIndex, name, StateFileHandle.NO_KEY_GROUPS);
  }

  @Override
  public StateFileHandle writeChannelState(long checkpointId, String stateId, StateWriter writer)
      throws IOException {
    String name =
        StateLocations.stateFileName(vertexIndex, -1, subtaskIndex, attemptNumber, "channels");
    return write(checkpointId, name, writer)
        .handle(stateId, subtaskIndex, name, StateFileHandle.NO_KEY_GROUPS);
  }

  /**
   * Writes the state: inline if it is small, else into the checkpoint directory, or — where the
   * file system spreads state files over key prefixes (entropy injection) — to a location of its
   * own.
   */
  private Written write(long checkpointId, String fileName, StateWriter writer) throws IOException {
    String raw =
        FileSystem.child(
            FsCheckpointStorage.checkpointDirectory(jobDirectory, checkpointId), fileName);
    FileSystem fs = FileSystems.get(raw);
    String location = fs.spreadLocation(raw);
    try (SpillingStream out = new SpillingStream(location)) {
      writer.writeTo(out);
      byte[] inline = out.inlineBytes();
      boolean spread = inline == null && !location.equals(fs.withoutEntropyMarker(raw));
      return new Written(inline, spread ? location : null);
    }
  }

  /** Where a state went: its bytes if inline, its location if outside the checkpoint directory. */
  private record Written(byte[] inline, String location) {
    StateFileHandle handle(
        String operatorId, int subtaskIndex, String fileName, KeyGroupRange keyGroups) {
      return new StateFileHandle(operatorId, subtaskIndex, fileName, keyGroups, inline, location);
    }
  }

  /**
   * Buffers up to the inline threshold; beyond it creates the file (with its local copy), writes
   * the buffer and streams the rest to it. One thread.
   */
  private static final class SpillingStream extends OutputStream {
    private final String location;
    private ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private OutputStream file;
    private boolean closed;

    SpillingStream(String location) {
      this.location = location;
    }

    @Override
    public void write(int b) throws IOException {
      target(1).write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      target(len).write(b, off, len);
    }

    private OutputStream target(int more) throws IOException {
      if (file == null && buffer.size() + more > INLINE_THRESHOLD) {
        file =
            LocalStateCopies.copying(
                location, FileSystems.get(location).create(location, WriteMode.NO_OVERWRITE));
        buffer.writeTo(file);
        buffer = null;
      }
      return file != null ? file : buffer;
    }

    /** The bytes if they stayed under the threshold (no file written), else null. */
    byte[] inlineBytes() {
      return file == null ? buffer.toByteArray() : null;
    }

    @Override
    public void close() throws IOException {
      if (!closed && file != null) {
        file.close();
      }
      closed = true;
    }
  }
}
