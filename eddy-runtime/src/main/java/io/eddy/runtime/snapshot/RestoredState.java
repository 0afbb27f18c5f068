package io.eddy.runtime.snapshot;

import java.io.Serializable;
import java.util.List;

/**
 * The state one operator instance restores from, chosen by the JobMaster from a completed
 * checkpoint or savepoint for the subtask's key groups and index.
 *
 * @param keyedStateFiles locations of the keyed state files whose key groups overlap this subtask's
 *     range (one per old subtask at most); load only the overlapping key groups
 * @param operatorStateFiles the operator state files of all old subtasks of this operator, so that
 *     list state can be redistributed round-robin and union state given whole
 * @param previousParallelism the operator's parallelism when the snapshot was taken
 */
public record RestoredState(
    List<String> keyedStateFiles, List<SubtaskFile> operatorStateFiles, int previousParallelism)
    implements Serializable {

  /** A fresh start: nothing to restore. */
  public static final RestoredState NONE = new RestoredState(List.of(), List.of(), 0);

  public RestoredState {
    keyedStateFiles = List.copyOf(keyedStateFiles);
    operatorStateFiles = List.copyOf(operatorStateFiles);
  }

  /** True if the job resumed from a snapshot (even if this operator had no state in it). */
  public boolean isRestored() {
    return previousParallelism > 0;
  }

  /** An operator state file (its location) and the old subtask that wrote it. */
  public record SubtaskFile(int subtaskIndex, String file) implements Serializable {}
}
