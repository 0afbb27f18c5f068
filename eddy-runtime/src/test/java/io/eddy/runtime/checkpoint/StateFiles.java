package io.eddy.runtime.checkpoint;

import io.eddy.runtime.snapshot.OperatorSnapshot;
import io.eddy.runtime.snapshot.RestoredState;
import io.eddy.runtime.snapshot.RestoredState.SubtaskFile;
import io.eddy.runtime.snapshot.StateWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the operator state of the subtasks of one operator to real files, as the checkpoint writer
 * thread would, and builds the {@link RestoredState} a restored operator gets from them.
 */
public final class StateFiles {
  private StateFiles() {}

  /**
   * Writes {@code writers} (one per old subtask, by index; null for a subtask without operator
   * state) into {@code dir} and returns the restore of all of them.
   */
  public static RestoredState writeOperatorState(Path dir, List<StateWriter> writers)
      throws IOException {
    Files.createDirectories(dir);
    List<SubtaskFile> files = new ArrayList<>();
    for (int i = 0; i < writers.size(); i++) {
      if (writers.get(i) == null) {
        continue;
      }
      Path file = Files.createTempFile(dir, "op-" + i + "-", ".state");
      try (OutputStream out = Files.newOutputStream(file)) {
        writers.get(i).writeTo(out);
      }
      files.add(new SubtaskFile(i, file.toAbsolutePath().toString()));
    }
    return new RestoredState(List.of(), files, writers.size());
  }

  /** The operator state of {@code snapshots} (one per old subtask) written and restorable. */
  public static RestoredState writeSnapshots(Path dir, List<OperatorSnapshot> snapshots)
      throws IOException {
    List<StateWriter> writers = new ArrayList<>();
    for (OperatorSnapshot snapshot : snapshots) {
      writers.add(snapshot.operatorState());
    }
    return writeOperatorState(dir, writers);
  }
}
