package io.eddy.runtime.checkpoint.storage;

import io.eddy.runtime.state.KeyGroupRange;
import java.util.Objects;

/**
 * One state file of a checkpoint: which subtask of which operator wrote it, its name inside the
 * checkpoint directory, and the key groups it holds (empty for non-keyed state).
 *
 * @param fileName a plain file name (no directory part), relative to the checkpoint directory
 */
public record StateFileHandle(
    String operatorId, int subtaskIndex, String fileName, KeyGroupRange keyGroupRange) {

  public StateFileHandle {
    Objects.requireNonNull(operatorId, "operatorId");
    Objects.requireNonNull(keyGroupRange, "keyGroupRange");
    if (!isPlainFileName(fileName)) {
      throw new IllegalArgumentException("Not a plain file name: " + fileName);
    }
  }

  static boolean isPlainFileName(String name) {
    return name != null
        && !name.isEmpty()
        && !name.equals(".")
        && !name.equals("..")
        && name.indexOf('/') < 0
        && name.indexOf('\\') < 0;
  }
}
