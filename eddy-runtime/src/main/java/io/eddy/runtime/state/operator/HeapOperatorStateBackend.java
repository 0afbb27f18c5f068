package io.eddy.runtime.state.operator;

import io.eddy.api.common.state.ListState;
import io.eddy.api.common.state.ListStateDescriptor;
import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.memory.DataOutputSerializer;
import io.eddy.runtime.snapshot.RestoredState;
import io.eddy.runtime.snapshot.StateWriter;
import io.eddy.runtime.state.OperatorStateBackend;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The operator (non-keyed) state of one operator instance: list, union list and broadcast states
 * kept as objects on the heap, registered by name.
 *
 * <p>Restore is eager per name: the state files are read and redistributed when the backend is
 * created ({@link #restore}), and each state's share stays serialized until the state is registered
 * with its descriptor, which supplies the serializers. A restored state that is not registered
 * again is carried into the next snapshot unchanged, so that a function that registers it later (or
 * conditionally) does not lose it; a union state is carried by subtask 0 only, because every
 * subtask holds the whole union and writing it from all of them would multiply it on the next
 * restore.
 *
 * <p>Snapshots serialize every state on the task thread ({@link #snapshot}); operator state is
 * small, and the bytes are then a frozen copy the writer thread can use while the task goes on.
 *
 * <p>Threading: task thread only.
 */
public final class HeapOperatorStateBackend implements OperatorStateBackend {
  private final int subtaskIndex;
  private final Map<String, RegisteredOperatorState> registered = new LinkedHashMap<>();

  /** Restored shares of states not registered yet, by name. */
  private final Map<String, SerializedOperatorState> pending;

  private HeapOperatorStateBackend(int subtaskIndex, Map<String, SerializedOperatorState> pending) {
    this.subtaskIndex = subtaskIndex;
    this.pending = new HashMap<>(pending);
  }

  /** An empty backend: a fresh start. */
  public static HeapOperatorStateBackend empty(int subtaskIndex) {
    return new HeapOperatorStateBackend(subtaskIndex, Map.of());
  }

  /**
   * A backend holding this subtask's share of the operator state files in {@code restored}.
   *
   * @throws IOException if a file cannot be read or is damaged (the message names it)
   */
  public static HeapOperatorStateBackend restore(
      RestoredState restored, int subtaskIndex, int parallelism) throws IOException {
    return new HeapOperatorStateBackend(
        subtaskIndex, OperatorStateRestore.read(restored, subtaskIndex, parallelism));
  }

  @Override
  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) throws IOException {
    return listState(descriptor, OperatorStateKind.LIST);
  }

  @Override
  public <T> ListState<T> getUnionListState(ListStateDescriptor<T> descriptor) throws IOException {
    return listState(descriptor, OperatorStateKind.UNION);
  }

  @SuppressWarnings("unchecked")
  private <T> ListState<T> listState(ListStateDescriptor<T> descriptor, OperatorStateKind kind)
      throws IOException {
    Objects.requireNonNull(descriptor, "descriptor");
    RegisteredOperatorState existing = registered.get(descriptor.getName());
    if (existing != null) {
      checkSameKind(existing, kind);
      return (ListState<T>) existing.state();
    }
    TypeSerializer<T> serializer = descriptor.getTypeInformation().createSerializer();
    return (ListState<T>)
        register(
                new RegisteredOperatorState.List<>(
                    descriptor.getName(), kind, serializer, new OperatorListState<>()),
                serializer.getClass().getName(),
                "")
            .state();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V> HeapBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor)
      throws IOException {
    Objects.requireNonNull(descriptor, "descriptor");
    RegisteredOperatorState existing = registered.get(descriptor.getName());
    if (existing != null) {
      checkSameKind(existing, OperatorStateKind.BROADCAST);
      return (HeapBroadcastState<K, V>) existing.state();
    }
    TypeSerializer<K> keySerializer = descriptor.getKeyTypeInformation().createSerializer();
    TypeSerializer<V> valueSerializer = descriptor.getValueTypeInformation().createSerializer();
    return (HeapBroadcastState<K, V>)
        register(
                new RegisteredOperatorState.Broadcast<>(
                    descriptor.getName(),
                    keySerializer,
                    valueSerializer,
                    new HeapBroadcastState<>()),
                keySerializer.getClass().getName(),
                valueSerializer.getClass().getName())
            .state();
  }

  /** Registers {@code state} and fills it with its restored share, if there is one. */
  private RegisteredOperatorState register(
      RegisteredOperatorState state, String serializerClass, String valueSerializerClass)
      throws IOException {
    SerializedOperatorState restored = pending.get(state.name());
    if (restored != null) {
      SerializedOperatorState expected =
          new SerializedOperatorState(
              state.name(), state.kind(), serializerClass, valueSerializerClass, List.of());
      if (restored.kind() != state.kind()
          || !restored.serializerClass().equals(serializerClass)
          || !restored.valueSerializerClass().equals(valueSerializerClass)) {
        throw new IllegalStateException(
            "Operator state '"
                + state.name()
                + "' was snapshotted as "
                + OperatorStateRedistribution.describe(restored)
                + " but is now registered as "
                + OperatorStateRedistribution.describe(expected)
                + "; restoring it with another kind or type is not supported.");
      }
      state.restore(restored.elements());
      pending.remove(state.name());
    }
    registered.put(state.name(), state);
    return state;
  }

  private static void checkSameKind(RegisteredOperatorState existing, OperatorStateKind kind) {
    if (existing.kind() != kind) {
      throw new IllegalStateException(
          "Operator state '"
              + existing.name()
              + "' is registered as "
              + existing.kind()
              + " state and cannot be used as "
              + kind
              + " state.");
    }
  }

  /** The names of the registered states. */
  @Override
  public List<String> registeredStateNames() {
    return List.copyOf(registered.keySet());
  }

  /**
   * Takes a snapshot: serializes every state now (task thread) and returns a writer of the frozen
   * bytes that any thread may run, or null if there is no state at all.
   */
  @Override
  public StateWriter snapshot() throws IOException {
    List<SerializedOperatorState> states = new ArrayList<>(registered.size() + pending.size());
    DataOutputSerializer scratch = new DataOutputSerializer(128);
    for (RegisteredOperatorState state : registered.values()) {
      states.add(state.serialize(scratch));
    }
    for (SerializedOperatorState unregistered : pending.values()) {
      if (unregistered.kind() != OperatorStateKind.UNION || subtaskIndex == 0) {
        states.add(unregistered);
      }
    }
    if (states.isEmpty()) {
      return null;
    }
    byte[] bytes = OperatorStateFormat.write(states);
    return out -> out.write(bytes);
  }
}
