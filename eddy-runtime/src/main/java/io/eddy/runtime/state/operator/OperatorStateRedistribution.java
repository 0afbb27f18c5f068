package io.eddy.runtime.state.operator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides which restored operator state elements one new subtask gets, from the states that all old
 * subtasks of the operator wrote:
 *
 * <ul>
 *   <li>{@link OperatorStateKind#LIST LIST}: at the same parallelism, the subtask's own old list
 *       (so nothing moves when nothing was rescaled); otherwise the lists of all old subtasks are
 *       concatenated in old-subtask order and element {@code i} goes to new subtask {@code i %
 *       newParallelism}.
 *   <li>{@link OperatorStateKind#UNION UNION}: the concatenation, to every subtask.
 *   <li>{@link OperatorStateKind#BROADCAST BROADCAST}: the copy of the lowest old subtask that has
 *       it (subtask 0; all copies are the same).
 * </ul>
 *
 * Pure function of its inputs, so every new subtask computes a consistent share on its own.
 */
public final class OperatorStateRedistribution {
  private OperatorStateRedistribution() {}

  /**
   * @param oldStates the states of each old subtask, by old subtask index
   * @param previousParallelism the parallelism the states were written at
   * @param subtaskIndex this new subtask's index
   * @param parallelism the new parallelism
   * @return this subtask's share, by state name
   * @throws IllegalStateException if old subtasks disagree about a state's kind or types
   */
  static Map<String, SerializedOperatorState> shareOf(
      Map<Integer, List<SerializedOperatorState>> oldStates,
      int previousParallelism,
      int subtaskIndex,
      int parallelism) {
    // name -> (old subtask -> state), old subtasks in ascending order
    Map<String, TreeMap<Integer, SerializedOperatorState>> byName = new LinkedHashMap<>();
    for (Map.Entry<Integer, List<SerializedOperatorState>> e :
        new TreeMap<>(oldStates).entrySet()) {
      for (SerializedOperatorState state : e.getValue()) {
        TreeMap<Integer, SerializedOperatorState> copies =
            byName.computeIfAbsent(state.name(), n -> new TreeMap<>());
        if (!copies.isEmpty()) {
          checkCompatible(copies.firstEntry().getValue(), state);
        }
        copies.put(e.getKey(), state);
      }
    }
    Map<String, SerializedOperatorState> share = new LinkedHashMap<>();
    for (Map.Entry<String, TreeMap<Integer, SerializedOperatorState>> e : byName.entrySet()) {
      TreeMap<Integer, SerializedOperatorState> copies = e.getValue();
      SerializedOperatorState first = copies.firstEntry().getValue();
      List<byte[]> elements =
          switch (first.kind()) {
            case BROADCAST -> first.elements();
            case UNION -> concatenate(copies);
            case LIST ->
                previousParallelism == parallelism
                    ? ownList(copies, subtaskIndex)
                    : roundRobin(concatenate(copies), subtaskIndex, parallelism);
          };
      share.put(e.getKey(), first.withElements(elements));
    }
    return share;
  }

  private static List<byte[]> ownList(
      TreeMap<Integer, SerializedOperatorState> copies, int subtaskIndex) {
    SerializedOperatorState own = copies.get(subtaskIndex);
    return own == null ? List.of() : own.elements();
  }

  private static List<byte[]> concatenate(TreeMap<Integer, SerializedOperatorState> copies) {
    List<byte[]> all = new ArrayList<>();
    for (SerializedOperatorState state : copies.values()) {
      all.addAll(state.elements());
    }
    return all;
  }

  private static List<byte[]> roundRobin(List<byte[]> all, int subtaskIndex, int parallelism) {
    List<byte[]> mine = new ArrayList<>(all.size() / parallelism + 1);
    for (int i = subtaskIndex; i < all.size(); i += parallelism) {
      mine.add(all.get(i));
    }
    return mine;
  }

  private static void checkCompatible(SerializedOperatorState a, SerializedOperatorState b) {
    if (a.kind() != b.kind()
        || !a.serializerClass().equals(b.serializerClass())
        || !a.valueSerializerClass().equals(b.valueSerializerClass())) {
      throw new IllegalStateException(
          "The subtasks of the snapshot disagree about operator state '"
              + a.name()
              + "': "
              + describe(a)
              + " vs "
              + describe(b));
    }
  }

  public static String describe(SerializedOperatorState s) {
    return s.kind()
        + " of "
        + s.serializerClass()
        + (s.valueSerializerClass().isEmpty() ? "" : " -> " + s.valueSerializerClass());
  }
}
