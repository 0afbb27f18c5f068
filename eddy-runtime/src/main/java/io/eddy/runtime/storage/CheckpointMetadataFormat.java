package io.eddy.runtime.storage;

import io.eddy.core.internal.memory.DataInputDeserializer;
import io.eddy.core.internal.memory.DataOutputSerializer;
import io.eddy.runtime.snapshot.ChecksummedEnvelope;
import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.snapshot.StateFileHandle;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary format of a checkpoint's {@code _metadata} file, version 3 (version 2, which has no
 * inline state, is still read). Integers are big-endian; "string" is {@code
 * DataOutputView.writeString}.
 *
 * <pre>
 * file    := magic:int(0x4544434D "EDCM") version:int(3) payloadLength:int payload crc32:int
 * payload := checkpointId:long timestamp:long savepoint:boolean
 *            fileCount:int stateFile* operatorCount:int operator*
 * stateFile := operatorId:string subtaskIndex:int fileName:string
 *              keyGroupStart:int keyGroupEnd:int          (end &lt; start: operator state)
 *              inlineLength:int(-1: in a file) inline:byte*   (version 3 only)
 *              location:string ("": in the checkpoint directory)  (version 3 only)
 * operator  := operatorId:string parallelism:int maxParallelism:int
 *              coordinatorStateLength:int(-1: none) coordinatorState:byte*
 * </pre>
 *
 * <p>The CRC32 covers the payload, so a truncated or damaged file is detected rather than half
 * read.
 */
final class CheckpointMetadataFormat {
  static final int MAGIC = 0x4544434D;
  static final int VERSION = 3;
  private static final int VERSION_WITHOUT_INLINE_STATE = 2;

  private CheckpointMetadataFormat() {}

  static byte[] write(CheckpointMetadata metadata) throws IOException {
    DataOutputSerializer payload = new DataOutputSerializer(256);
    payload.writeLong(metadata.checkpointId());
    payload.writeLong(metadata.timestamp());
    payload.writeBoolean(metadata.savepoint());
    payload.writeInt(metadata.stateFiles().size());
    for (StateFileHandle file : metadata.stateFiles()) {
      payload.writeString(file.operatorId());
      payload.writeInt(file.subtaskIndex());
      payload.writeString(file.fileName());
      payload.writeInt(file.keyGroupRange().start());
      payload.writeInt(file.keyGroupRange().end());
      byte[] inline = file.inlineData();
      payload.writeInt(inline == null ? -1 : inline.length);
      if (inline != null) {
        payload.write(inline);
      }
      payload.writeString(file.location() == null ? "" : file.location());
    }
    payload.writeInt(metadata.operators().size());
    for (CheckpointMetadata.OperatorInfo op : metadata.operators()) {
      payload.writeString(op.operatorId());
      payload.writeInt(op.parallelism());
      payload.writeInt(op.maxParallelism());
      byte[] state = op.coordinatorState();
      payload.writeInt(state == null ? -1 : state.length);
      if (state != null) {
        payload.write(state);
      }
    }
    return ChecksummedEnvelope.wrap(MAGIC, VERSION, payload.getSharedBuffer(), 0, payload.length());
  }

  /** Parses {@code bytes}; the exception's message says what is wrong (no path). */
  static CheckpointMetadata read(byte[] bytes) throws IOException {
    int version =
        bytes.length >= 8 && ByteBuffer.wrap(bytes, 4, 4).getInt() == VERSION_WITHOUT_INLINE_STATE
            ? VERSION_WITHOUT_INLINE_STATE
            : VERSION;
    DataInputDeserializer payload =
        ChecksummedEnvelope.unwrap(bytes, MAGIC, version, "a metadata file");
    long checkpointId = payload.readLong();
    long timestamp = payload.readLong();
    boolean savepoint = payload.readBoolean();
    int count = payload.readInt();
    if (count < 0) {
      throw new IOException("negative state file count " + count);
    }
    List<StateFileHandle> files = new ArrayList<>(Math.min(count, 1024));
    for (int i = 0; i < count; i++) {
      String operatorId = payload.readString();
      int subtask = payload.readInt();
      String fileName = payload.readString();
      if (!StateFileHandle.isPlainFileName(fileName)) {
        throw new IOException("state file name is not a plain file name: " + fileName);
      }
      KeyGroupRange range = new KeyGroupRange(payload.readInt(), payload.readInt());
      byte[] inline = null;
      String location = null;
      if (version >= VERSION) {
        int length = payload.readInt();
        if (length >= 0) {
          inline = new byte[length];
          payload.readFully(inline);
        }
        location = payload.readString();
        if (location.isEmpty()) {
          location = null;
        }
      }
      files.add(new StateFileHandle(operatorId, subtask, fileName, range, inline, location));
    }
    int operatorCount = payload.readInt();
    if (operatorCount < 0) {
      throw new IOException("negative operator count " + operatorCount);
    }
    List<CheckpointMetadata.OperatorInfo> operators =
        new ArrayList<>(Math.min(operatorCount, 1024));
    for (int i = 0; i < operatorCount; i++) {
      String operatorId = payload.readString();
      int parallelism = payload.readInt();
      int maxParallelism = payload.readInt();
      int stateLength = payload.readInt();
      byte[] state = null;
      if (stateLength >= 0) {
        state = new byte[stateLength];
        payload.readFully(state);
      }
      operators.add(
          new CheckpointMetadata.OperatorInfo(operatorId, parallelism, maxParallelism, state));
    }
    if (payload.available() != 0) {
      throw new IOException(payload.available() + " unexpected bytes after the operators");
    }
    return new CheckpointMetadata(checkpointId, timestamp, files, operators, savepoint);
  }
}
