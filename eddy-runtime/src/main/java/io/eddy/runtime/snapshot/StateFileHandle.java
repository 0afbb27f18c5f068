package io.eddy.runtime.snapshot;

import java.util.Arrays;
import java.util.Objects;

/**
 * One state file of a checkpoint: which subtask of which operator wrote it, its name inside the
 * checkpoint directory, and the key groups it holds: keyed state files have a non-empty range,
 * operator (non-keyed) state files the empty range {@link #NO_KEY_GROUPS}. Small state is not a
 * file at all but kept in the checkpoint's metadata ({@code inlineData}), so an object store does
 * not fill with thousands of tiny objects.
 *
 * @param fileName a plain file name (no directory part), relative to the checkpoint directory
 * @param inlineData the state's bytes when it is kept in the metadata, else null
 * @param location where the file is when it is not in the checkpoint directory (spread over key
 *     prefixes by an object store's entropy injection), else null
 */
public record StateFileHandle(
    String operatorId,
    int subtaskIndex,
    String fileName,
    KeyGroupRange keyGroupRange,
    byte[] inlineData,
    String location) {

  /** The key-group range of an operator state file. */
  public static final KeyGroupRange NO_KEY_GROUPS = new KeyGroupRange(0, -1);

  /** A handle of state in a file of the checkpoint directory. */
  public StateFileHandle(
      String operatorId, int subtaskIndex, String fileName, KeyGroupRange keyGroupRange) {
    this(operatorId, subtaskIndex, fileName, keyGroupRange, null, null);
  }

  /** A handle of state inline ({@code inlineData}) or in a file of the checkpoint directory. */
  public StateFileHandle(
      String operatorId,
      int subtaskIndex,
      String fileName,
      KeyGroupRange keyGroupRange,
      byte[] inlineData) {
    this(operatorId, subtaskIndex, fileName, keyGroupRange, inlineData, null);
  }

  /** The same state, as a file of the checkpoint directory (a savepoint's copy). */
  public StateFileHandle inCheckpointDirectory() {
    return new StateFileHandle(operatorId, subtaskIndex, fileName, keyGroupRange, inlineData);
  }

  public boolean isKeyed() {
    return keyGroupRange.size() > 0;
  }

  /** Whether the state is in the metadata rather than in a file. */
  public boolean isInline() {
    return inlineData != null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StateFileHandle h
        && operatorId.equals(h.operatorId)
        && subtaskIndex == h.subtaskIndex
        && fileName.equals(h.fileName)
        && keyGroupRange.equals(h.keyGroupRange)
        && Arrays.equals(inlineData, h.inlineData)
        && Objects.equals(location, h.location);
  }

  @Override
  public int hashCode() {
    return Objects.hash(operatorId, subtaskIndex, fileName, keyGroupRange);
  }

  @Override
  public String toString() {
    return "StateFileHandle["
        + operatorId
        + ", subtask "
        + subtaskIndex
        + ", "
        + fileName
        + ", "
        + keyGroupRange
        + (inlineData == null ? "" : ", " + inlineData.length + " bytes inline")
        + (location == null ? "" : ", at " + location)
        + "]";
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
