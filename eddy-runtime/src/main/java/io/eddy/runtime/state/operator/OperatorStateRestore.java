package io.eddy.runtime.state.operator;

import io.eddy.runtime.snapshot.RestoredState;
import io.eddy.runtime.snapshot.RestoredState.SubtaskFile;
import io.eddy.runtime.storage.CheckpointStorages;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the operator state files of all old subtasks of an operator and keeps this subtask's share
 * (see {@link OperatorStateRedistribution}), still serialized: the types are known only when the
 * states are registered. Task thread, in {@code initializeState}.
 */
public final class OperatorStateRestore {
  private OperatorStateRestore() {}

  /** This subtask's share of {@code restored}'s operator state, by state name. */
  public static Map<String, SerializedOperatorState> read(
      RestoredState restored, int subtaskIndex, int parallelism) throws IOException {
    Map<Integer, List<SerializedOperatorState>> oldStates = new HashMap<>();
    for (SubtaskFile file : restored.operatorStateFiles()) {
      List<SerializedOperatorState> states;
      try {
        states = OperatorStateFormat.read(CheckpointStorages.readAll(file.file()));
      } catch (IOException e) {
        throw new IOException(
            "Cannot read the operator state file " + file.file() + ": " + e.getMessage(), e);
      }
      if (oldStates.put(file.subtaskIndex(), states) != null) {
        throw new IOException(
            "Two operator state files for old subtask " + file.subtaskIndex() + ": " + file.file());
      }
    }
    return OperatorStateRedistribution.shareOf(
        oldStates, restored.previousParallelism(), subtaskIndex, parallelism);
  }
}
