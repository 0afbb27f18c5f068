package io.eddy.runtime.operators;

import io.eddy.api.common.io.SimpleVersionedSerializer;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operator state file of a {@link CommittingSinkOperator} subtask, version 1. Integers are
 * big-endian.
 *
 * <pre>
 * file        := magic:int(0x45534E4B "ESNK") version:int(1)
 *                committableVersion:int checkpointCount:int checkpoint*
 *                writerStateVersion:int stateCount:int blob*
 * checkpoint  := checkpointId:long count:int blob*
 * blob        := length:int bytes
 * </pre>
 *
 * The committables and writer states are the sink's own serializers' bytes, tagged with the
 * serializer versions so a later sink version can still read them.
 */
final class CommittingSinkStateFormat {
  static final int MAGIC = 0x45534E4B;
  static final int VERSION = 1;

  private CommittingSinkStateFormat() {}

  /** What one old subtask stored. */
  record Contents<CommT, StateT>(
      int subtaskIndex, TreeMap<Long, List<CommT>> committables, List<StateT> writerStates) {}

  static <CommT, StateT> byte[] write(
      Map<Long, List<CommT>> committables,
      SimpleVersionedSerializer<CommT> committableSerializer,
      List<StateT> writerStates,
      SimpleVersionedSerializer<StateT> stateSerializer)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeInt(committableSerializer.getVersion());
      out.writeInt(committables.size());
      for (Map.Entry<Long, List<CommT>> e : committables.entrySet()) {
        out.writeLong(e.getKey());
        out.writeInt(e.getValue().size());
        for (CommT c : e.getValue()) {
          writeBlob(out, committableSerializer.serialize(c));
        }
      }
      out.writeInt(stateSerializer == null ? 0 : stateSerializer.getVersion());
      out.writeInt(writerStates.size());
      for (StateT s : writerStates) {
        writeBlob(out, stateSerializer.serialize(s));
      }
    }
    return bytes.toByteArray();
  }

  static <CommT, StateT> Contents<CommT, StateT> read(
      int subtaskIndex,
      InputStream stream,
      SimpleVersionedSerializer<CommT> committableSerializer,
      SimpleVersionedSerializer<StateT> stateSerializer)
      throws IOException {
    DataInputStream in = new DataInputStream(stream);
    int magic = in.readInt();
    if (magic != MAGIC) {
      throw new IOException(
          "Not a committing sink state file (magic " + Integer.toHexString(magic) + ").");
    }
    int version = in.readInt();
    if (version != VERSION) {
      throw new IOException(
          "Unsupported committing sink state version " + version + " (this build reads 1).");
    }
    int committableVersion = in.readInt();
    TreeMap<Long, List<CommT>> committables = new TreeMap<>();
    for (int i = in.readInt(); i > 0; i--) {
      long checkpointId = in.readLong();
      List<CommT> list = new ArrayList<>();
      for (int n = in.readInt(); n > 0; n--) {
        list.add(committableSerializer.deserialize(committableVersion, readBlob(in)));
      }
      committables.put(checkpointId, list);
    }
    int stateVersion = in.readInt();
    List<StateT> states = new ArrayList<>();
    int stateCount = in.readInt();
    if (stateCount > 0 && stateSerializer == null) {
      throw new IOException("The state has writer states, but the sink keeps none.");
    }
    for (int i = stateCount; i > 0; i--) {
      states.add(stateSerializer.deserialize(stateVersion, readBlob(in)));
    }
    return new Contents<>(subtaskIndex, committables, states);
  }

  private static void writeBlob(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static byte[] readBlob(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      throw new IOException("Negative length " + length + " in a committing sink state file.");
    }
    byte[] bytes = in.readNBytes(length);
    if (bytes.length != length) {
      throw new IOException("Truncated committing sink state file.");
    }
    return bytes;
  }
}
