package io.eddy.runtime.storage;

import io.eddy.api.fs.FileSystem;
import io.eddy.api.fs.FileSystems;
import io.eddy.api.fs.WriteMode;
import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.snapshot.StateFileHandle;
import io.eddy.runtime.snapshot.StateWriter;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a subtask attempt's state files into the checkpoint directories of {@link
 * FsCheckpointStorage}, on any {@link FileSystem}; each file is durable (closed) before it is
 * acknowledged. Thread-safe: it holds no mutable state.
 */
final class FsCheckpointStreamFactory implements CheckpointStreamFactory {
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
    String location =
        FileSystem.child(
            FsCheckpointStorage.checkpointDirectory(jobDirectory, checkpointId), fileName);
    try (OutputStream out =
        LocalStateCopies.copying(
            location, FileSystems.get(location).create(location, WriteMode.NO_OVERWRITE))) {
      writer.writeTo(out);
    }
  }
}
