package io.eddy.testutils.harness;

import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.snapshot.RestoredState;
import io.eddy.runtime.snapshot.RestoredState.SubtaskFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state of one operator (or of each operator of a {@link ChainHarness}), as its subtasks wrote
 * it for a checkpoint: the serialized keyed state (with timers) and operator state of each subtask
 * taken by {@link AbstractOperatorHarness#snapshot}. It is immutable and holds bytes only, so it
 * outlives the harness that took it; give it to {@code restoreFrom} of a new harness's builder to
 * restore, at the same or another parallelism.
 *
 * <p>A snapshot of one harness holds one subtask. To restore an operator that ran at parallelism 2
 * at parallelism 3, {@link #combine} the snapshots of both old subtasks first: each new subtask
 * then reads the keyed state of the old subtasks whose key groups overlap its own and all operator
 * state (redistributed as the runtime does).
 */
public final class HarnessSnapshot {
  /** What one operator of one old subtask wrote; either array may be null (no such state). */
  record OperatorState(byte[] keyedState, byte[] operatorState) {}

  /** What one old subtask wrote: the state of each operator it ran, head first. */
  record SubtaskState(KeyGroupRange keyGroups, List<OperatorState> operators) {
    SubtaskState {
      operators = List.copyOf(operators);
    }
  }

  private final int parallelism;
  private final int maxParallelism;
  private final Map<Integer, SubtaskState> subtasks;

  HarnessSnapshot(int parallelism, int maxParallelism, Map<Integer, SubtaskState> subtasks) {
    this.parallelism = parallelism;
    this.maxParallelism = maxParallelism;
    this.subtasks = Collections.unmodifiableMap(new TreeMap<>(subtasks));
    if (subtasks.values().stream().map(s -> s.operators().size()).distinct().count() > 1) {
      throw new IllegalArgumentException("the subtasks ran chains of different lengths");
    }
  }

  /**
   * The snapshots of several subtasks of one operator (all taken at the same parallelism and max
   * parallelism, each subtask at most once) as one.
   *
   * @throws IllegalArgumentException if they do not fit together
   */
  public static HarnessSnapshot combine(List<HarnessSnapshot> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("nothing to combine");
    }
    HarnessSnapshot first = parts.get(0);
    Map<Integer, SubtaskState> all = new TreeMap<>();
    for (HarnessSnapshot part : parts) {
      if (part.parallelism != first.parallelism || part.maxParallelism != first.maxParallelism) {
        throw new IllegalArgumentException(
            "snapshots taken at parallelism "
                + first.parallelism
                + "/max "
                + first.maxParallelism
                + " and "
                + part.parallelism
                + "/max "
                + part.maxParallelism
                + " cannot be combined");
      }
      for (Map.Entry<Integer, SubtaskState> e : part.subtasks.entrySet()) {
        if (all.put(e.getKey(), e.getValue()) != null) {
          throw new IllegalArgumentException("subtask " + e.getKey() + " is in two snapshots");
        }
      }
    }
    return new HarnessSnapshot(first.parallelism, first.maxParallelism, all);
  }

  /** {@link #combine(List)} of {@code parts}. */
  public static HarnessSnapshot combine(HarnessSnapshot... parts) {
    return combine(Arrays.asList(parts));
  }

  /** The parallelism of the operator when the snapshot was taken. */
  public int parallelism() {
    return parallelism;
  }

  /** The max parallelism (number of key groups) of the operator; a restore must keep it. */
  public int maxParallelism() {
    return maxParallelism;
  }

  /** The number of operators whose state this snapshot holds (1, or a chain's length). */
  public int operatorCount() {
    return subtasks.values().iterator().next().operators().size();
  }

  /** The indexes of the old subtasks this snapshot holds. */
  public List<Integer> subtaskIndexes() {
    return List.copyOf(subtasks.keySet());
  }

  /**
   * Writes the keyed state of each subtask this snapshot holds into {@code dir}, as the checkpoint
   * storage would, in the order of {@link #subtaskIndexes}, and returns the files (a subtask
   * without keyed state has none). For tests of the restore path itself, with the builders' {@code
   * restoreFrom(RestoredState)}.
   *
   * @throws IllegalStateException if this is a snapshot of a chain of several operators
   */
  public List<Path> writeKeyedStateFiles(Path dir) throws IOException {
    if (operatorCount() != 1) {
      throw new IllegalStateException(
          "a snapshot of a chain of " + operatorCount() + " operators has no single keyed state");
    }
    List<Path> files = new ArrayList<>();
    for (Map.Entry<Integer, SubtaskState> e : subtasks.entrySet()) {
      byte[] keyed = e.getValue().operators().get(0).keyedState();
      if (keyed != null) {
        files.add(write(dir, "keyed-" + e.getKey() + ".state", keyed));
      }
    }
    return files;
  }

  /**
   * Writes into {@code dir} what operator {@code operatorIndex} of the subtask owning {@code
   * newRange} restores from, as the JobMaster chooses it: the keyed state of the old subtasks whose
   * key groups overlap the new subtask's range, and the operator state of all old subtasks.
   */
  RestoredState writeRestore(
      Path dir, int operatorIndex, KeyGroupRange newRange, int newMaxParallelism)
      throws IOException {
    if (newMaxParallelism != maxParallelism) {
      throw new IllegalArgumentException(
          "the snapshot was taken at max parallelism "
              + maxParallelism
              + " and cannot be restored at max parallelism "
              + newMaxParallelism
              + ": key groups are fixed for the life of the state");
    }
    List<String> keyed = new ArrayList<>();
    List<SubtaskFile> operator = new ArrayList<>();
    for (Map.Entry<Integer, SubtaskState> e : subtasks.entrySet()) {
      int index = e.getKey();
      KeyGroupRange old = e.getValue().keyGroups();
      OperatorState state = e.getValue().operators().get(operatorIndex);
      String suffix = operatorIndex + "-" + index + ".state";
      if (state.keyedState() != null
          && old.start() <= newRange.end()
          && newRange.start() <= old.end()) {
        keyed.add(write(dir, "keyed-" + suffix, state.keyedState()).toString());
      }
      if (state.operatorState() != null) {
        Path file = write(dir, "operator-" + suffix, state.operatorState());
        operator.add(new SubtaskFile(index, file.toString()));
      }
    }
    return new RestoredState(keyed, operator, parallelism);
  }

  private static Path write(Path dir, String name, byte[] bytes) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(name).toAbsolutePath();
    Files.write(file, bytes);
    return file;
  }

  @Override
  public String toString() {
    return "HarnessSnapshot(parallelism "
        + parallelism
        + ", subtasks "
        + subtasks.keySet()
        + ", max parallelism "
        + maxParallelism
        + (subtasks.isEmpty() || operatorCount() == 1 ? "" : ", operators " + operatorCount())
        + ")";
  }
}
