package io.eddy.runtime.snapshot;

import java.util.Objects;

/**
 * One state file of a checkpoint: which subtask of which operator wrote it, its name inside the
 * checkpoint directory, and the key groups it holds: keyed state files have a non-empty range,
 * operator (non-keyed) state files the empty range {@link #NO_KEY_GROUPS}.
 *
 * @param fileName a plain file name (no directory part), relative to the checkpoint directory
 */
public record StateFileHandle(
    String operatorId, int subtaskIndex, String fileName, KeyGroupRange keyGroupRange) {

  /** The key-group range of an operator state file. */
  public static final KeyGroupRange NO_KEY_GROUPS = new KeyGroupRange(0, -1);

  public boolean isKeyed() {
    return keyGroupRange.size() > 0;
  }

  public StateFileHandle {
    Objects.requireNonNull(operatorId, "operatorId");
    Objects.requireNonNull(keyGroupRange, "keyGroupRange");
    if (!isPlainFileName(fileName)) {
      throw new IllegalArgumentException("Not a plain file name: " + fileName);
    }
  }

  public static boolean isPlainFileName(String name) {
    return name != null
        && !name.isEmpty()
        && !name.equals(".")
        && !name.equals("..")
        && name.indexOf('/') < 0
        && name.indexOf('\\') < 0;
  }
}
