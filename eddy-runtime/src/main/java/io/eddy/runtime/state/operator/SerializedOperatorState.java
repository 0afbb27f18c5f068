package io.eddy.runtime.state.operator;

import java.util.List;

/**
 * One operator state as bytes: what a snapshot writes and a restore reads. Elements stay serialized
 * one by one, so that a restore can deal them out to the new subtasks without knowing their types
 * (the serializers come only later, with the descriptor the state is registered with).
 *
 * @param name the state's name, unique within the operator
 * @param kind how it is redistributed
 * @param serializerClass class of the element serializer (for BROADCAST: of the key serializer),
 *     recorded to detect a restore with other types
 * @param valueSerializerClass class of the value serializer of a BROADCAST state, else ""
 * @param elements list elements, or broadcast entries (key and value), each serialized on its own
 */
public record SerializedOperatorState(
    String name,
    OperatorStateKind kind,
    String serializerClass,
    String valueSerializerClass,
    List<byte[]> elements) {

  public SerializedOperatorState {
    elements = List.copyOf(elements);
  }

  /** The same state with other elements (those a new subtask gets). */
  public SerializedOperatorState withElements(List<byte[]> newElements) {
    return new SerializedOperatorState(
        name, kind, serializerClass, valueSerializerClass, newElements);
  }
}
