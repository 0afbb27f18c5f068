package io.eddy.runtime.state.operator;

import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.memory.DataInputDeserializer;
import io.eddy.core.internal.memory.DataOutputSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Map;

/**
 * A state registered in a {@link HeapOperatorStateBackend} together with its serializers: turns the
 * live objects into a {@link SerializedOperatorState} for a snapshot, and restored elements back
 * into objects. Task thread only.
 */
public sealed interface RegisteredOperatorState
    permits RegisteredOperatorState.List, RegisteredOperatorState.Broadcast {

  String name();

  OperatorStateKind kind();

  /** The live state object handed to the user. */
  Object state();

  /** Serializes the current content; the result does not change when the state does. */
  SerializedOperatorState serialize(DataOutputSerializer scratch) throws IOException;

  /** Adds the restored {@code elements} to the state. */
  void restore(java.util.List<byte[]> elements) throws IOException;

  /** A list or union list state. */
  record List<T>(
      String name, OperatorStateKind kind, TypeSerializer<T> serializer, OperatorListState<T> state)
      implements RegisteredOperatorState {

    @Override
    public SerializedOperatorState serialize(DataOutputSerializer scratch) throws IOException {
      java.util.List<byte[]> elements = new ArrayList<>(state.elements().size());
      for (T element : state.elements()) {
        scratch.clear();
        serializer.serialize(element, scratch);
        elements.add(scratch.getCopyOfBuffer());
      }
      return new SerializedOperatorState(name, kind, serializer.getClass().getName(), "", elements);
    }

    @Override
    public void restore(java.util.List<byte[]> elements) throws IOException {
      for (byte[] element : elements) {
        state.add(serializer.deserialize(new DataInputDeserializer(element)));
      }
    }
  }

  /** A broadcast (map) state. */
  record Broadcast<K, V>(
      String name,
      TypeSerializer<K> keySerializer,
      TypeSerializer<V> valueSerializer,
      HeapBroadcastState<K, V> state)
      implements RegisteredOperatorState {

    @Override
    public OperatorStateKind kind() {
      return OperatorStateKind.BROADCAST;
    }

    @Override
    public SerializedOperatorState serialize(DataOutputSerializer scratch) throws IOException {
      java.util.List<byte[]> elements = new ArrayList<>();
      for (Map.Entry<K, V> entry : state.immutableEntries()) {
        scratch.clear();
        keySerializer.serialize(entry.getKey(), scratch);
        scratch.writeBoolean(entry.getValue() == null);
        if (entry.getValue() != null) {
          valueSerializer.serialize(entry.getValue(), scratch);
        }
        elements.add(scratch.getCopyOfBuffer());
      }
      return new SerializedOperatorState(
          name,
          OperatorStateKind.BROADCAST,
          keySerializer.getClass().getName(),
          valueSerializer.getClass().getName(),
          elements);
    }

    @Override
    public void restore(java.util.List<byte[]> elements) throws IOException {
      for (byte[] element : elements) {
        DataInputDeserializer in = new DataInputDeserializer(element);
        K key = keySerializer.deserialize(in);
        V value = in.readBoolean() ? null : valueSerializer.deserialize(in);
        state.put(key, value);
      }
    }
  }
}
