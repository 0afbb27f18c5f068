package io.eddy.runtime.storage;

import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.snapshot.StateFileHandle;
import io.eddy.runtime.snapshot.StateWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a subtask attempt's state files into the checkpoint directories of {@link
 * FsCheckpointStorage}, each forced to disk before it is acknowledged. Thread-safe: it holds no
 * mutable state.
 */
final class FsCheckpointStreamFactory implements CheckpointStreamFactory {
  private final Path jobDirectory;
  private final int vertexIndex;
  private final int subtaskIndex;
  private final int attemptNumber;

  FsCheckpointStreamFactory(
      Path jobDirectory, int vertexIndex, int subtaskIndex, int attemptNumber) {
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
    write(checkpointId, name, writer);
    return new StateFileHandle(operatorId, subtaskIndex, name, keyGroups);
  }

  @Override
  public StateFileHandle writeOperatorState(
      long checkpointId, int chainIndex, String operatorId, StateWriter writer) throws IOException {
    String name =
        StateLocations.stateFileName(vertexIndex, chainIndex, subtaskIndex, attemptNumber, "op");
    write(checkpointId, name, writer);
    return new StateFileHandle(operatorId, subtaskIndex, name, StateFileHandle.NO_KEY_GROUPS);
  }

  @Override
  public StateFileHandle writeChannelState(long checkpointId, String stateId, StateWriter writer)
      throws IOException {
    String name =
        StateLocations.stateFileName(vertexIndex, -1, subtaskIndex, attemptNumber, "channels");
    write(checkpointId, name, writer);
    return new StateFileHandle(stateId, subtaskIndex, name, StateFileHandle.NO_KEY_GROUPS);
  }

  private void write(long checkpointId, String fileName, StateWriter writer) throws IOException {
    Path file =
        FsCheckpointStorage.checkpointDirectory(jobDirectory, checkpointId).resolve(fileName);
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
      writer.writeTo(out);
      out.flush();
      channel.force(true);
    }
  }
}
