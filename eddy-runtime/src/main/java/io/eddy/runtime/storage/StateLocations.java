package io.eddy.runtime.storage;

/** Names of files inside a checkpoint location, for every scheme (URIs and plain paths use '/'). */
public final class StateLocations {
  private StateLocations() {}

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
