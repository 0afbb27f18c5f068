package io.eddy.runtime.storage;

import io.eddy.runtime.snapshot.StateFileHandle;
import java.util.Base64;

/**
 * Names of files inside a checkpoint location, for every scheme (URIs and plain paths use '/'), and
 * the locations of state files: a file in the checkpoint directory, or for state kept inline in the
 * metadata a {@code data:} URI (RFC 2397) holding its bytes, which {@link CheckpointStorages} reads
 * like any file.
 */
public final class StateLocations {
  private static final String DATA_PREFIX = "data:application/octet-stream;base64,";

  private StateLocations() {}

  /** Where the state of {@code file} of the checkpoint at {@code directory} is read from. */
  public static String location(String directory, StateFileHandle file) {
    if (file.isInline()) {
      return DATA_PREFIX + Base64.getEncoder().encodeToString(file.inlineData());
    }
    return file.location() != null ? file.location() : resolve(directory, file.fileName());
  }

  /** Whether {@code location} holds its bytes itself (state inlined in the metadata). */
  static boolean isInline(String location) {
    return location.startsWith(DATA_PREFIX);
  }

  /** The bytes of an inline location. */
  static byte[] inlineBytes(String location) {
    return Base64.getDecoder().decode(location.substring(DATA_PREFIX.length()));
  }

  /** The location of file {@code fileName} in directory {@code directory}. */
  public static String resolve(String directory, String fileName) {
    return directory.endsWith("/") ? directory + fileName : directory + "/" + fileName;
  }

  /**
   * The name of a state file a subtask writes: which vertex, operator of the chain, subtask and
   * attempt wrote it, and its kind ({@code keyed}, {@code op} or {@code channels}). Unique within a
   * checkpoint, so attempts of a restarted subtask never overwrite each other's files.
   *
   * @param chainIndex the operator's index in its chain, or -1 for the whole subtask (in-flight
   *     data)
   */
  public static String stateFileName(
      int vertexIndex, int chainIndex, int subtaskIndex, int attemptNumber, String kind) {
    return "v"
        + vertexIndex
        + (chainIndex < 0 ? "" : "-o" + chainIndex)
        + "-s"
        + subtaskIndex
        + "-a"
        + attemptNumber
        + "."
        + kind;
  }
}
