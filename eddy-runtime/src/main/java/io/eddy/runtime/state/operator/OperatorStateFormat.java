package io.eddy.runtime.state.operator;

import io.eddy.core.internal.memory.DataInputDeserializer;
import io.eddy.core.internal.memory.DataOutputSerializer;
import io.eddy.runtime.snapshot.ChecksummedEnvelope;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary format of an operator state file (the non-keyed state of one operator instance),
 * version 1. Integers are big-endian; "string" is {@code DataOutputView.writeString}.
 *
 * <pre>
 * file     := magic:int(0x45444F53 "EDOS") version:int(1) payloadLength:int payload crc32:int
 * payload  := stateCount:int state*
 * state    := name:string kind:byte (OperatorStateKind code) serializerClass:string
 *             valueSerializerClass:string ("" unless BROADCAST) elementCount:int
 *             (length:int element)*
 * element  := LIST, UNION: value (serializer)
 *             BROADCAST:   key (serializer) isNull:boolean [value (value serializer)]
 * </pre>
 *
 * <p>Operator state is small (offsets, splits, buffered records of a sink), so the whole file is
 * read at once and one CRC32 over the payload detects a damaged or truncated file. Elements are
 * length-prefixed so that a restore can redistribute them without deserializing them.
 */
public final class OperatorStateFormat {
  static final int MAGIC = 0x45444F53;
  static final int VERSION = 1;

  private OperatorStateFormat() {}

  public static byte[] write(List<SerializedOperatorState> states) throws IOException {
    DataOutputSerializer payload = new DataOutputSerializer(256);
    payload.writeInt(states.size());
    for (SerializedOperatorState state : states) {
      payload.writeString(state.name());
      payload.writeByte(state.kind().code());
      payload.writeString(state.serializerClass());
      payload.writeString(state.valueSerializerClass());
      payload.writeInt(state.elements().size());
      for (byte[] element : state.elements()) {
        payload.writeInt(element.length);
        payload.write(element);
      }
    }
    return ChecksummedEnvelope.wrap(MAGIC, VERSION, payload.getSharedBuffer(), 0, payload.length());
  }

  /** Parses {@code bytes}; the exception's message says what is wrong (no path). */
  static List<SerializedOperatorState> read(byte[] bytes) throws IOException {
    DataInputDeserializer payload =
        ChecksummedEnvelope.unwrap(bytes, MAGIC, VERSION, "an operator state file");
    int stateCount = payload.readInt();
    if (stateCount < 0) {
      throw new IOException("negative state count " + stateCount);
    }
    List<SerializedOperatorState> states = new ArrayList<>(Math.min(stateCount, 1024));
    for (int s = 0; s < stateCount; s++) {
      String name = payload.readString();
      int kindCode = payload.readUnsignedByte();
      OperatorStateKind kind;
      try {
        kind = OperatorStateKind.ofCode(kindCode);
      } catch (IllegalArgumentException e) {
        throw new IOException(e.getMessage() + " of state '" + name + "'");
      }
      String serializerClass = payload.readString();
      String valueSerializerClass = payload.readString();
      int count = payload.readInt();
      if (count < 0 || count > payload.available() / 4) {
        throw new IOException("bad element count " + count + " of state '" + name + "'");
      }
      List<byte[]> elements = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int elementLength = payload.readInt();
        if (elementLength < 0 || elementLength > payload.available()) {
          throw new IOException("bad element length " + elementLength + " in state '" + name + "'");
        }
        byte[] element = new byte[elementLength];
        payload.readFully(element);
        elements.add(element);
      }
      states.add(
          new SerializedOperatorState(name, kind, serializerClass, valueSerializerClass, elements));
    }
    if (payload.available() != 0) {
      throw new IOException(payload.available() + " unexpected bytes after the states");
    }
    return states;
  }
}
