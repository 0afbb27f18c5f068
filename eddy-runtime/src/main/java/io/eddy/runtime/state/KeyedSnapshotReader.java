package io.eddy.runtime.state;

import io.eddy.core.internal.memory.DataInputDeserializer;
import io.eddy.runtime.snapshot.KeyGroupRange;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Reads a keyed state snapshot file of the canonical format ({@link KeyedStateSnapshotFormat}), for
 * every backend: {@link #readHeader} its header and index, then {@link Header#readKeyGroup} one key
 * group's block at a time, checksum verified and cut into its sections. Nothing is deserialized
 * here; the backend does that with the serializers of its states. One thread per channel.
 */
public final class KeyedSnapshotReader {
  private KeyedSnapshotReader() {}

  /**
   * The header and index of a snapshot file.
   *
   * @param states the states, in the order of each block's sections
   * @param timerQueues the timer queues, whose sections follow the states'
   */
  public record Header(
      int maxParallelism,
      KeyGroupRange range,
      String keySerializerClass,
      String namespaceSerializerClass,
      List<SnapshotStateMetaInfo> states,
      List<String> timerQueues,
      ByteBuffer index) {

    /**
     * Reads key group {@code keyGroup}'s block (in {@link #range}) and cuts it into its sections:
     * the states', then the timer queues'.
     */
    public byte[][] readKeyGroup(SeekableByteChannel channel, int keyGroup) throws IOException {
      int entry = (keyGroup - range.start()) * KeyedStateSnapshotFormat.INDEX_ENTRY_BYTES;
      byte[] block = readFully(channel, index.getLong(entry), index.getInt(entry + 8)).array();
      CRC32 crc = new CRC32();
      crc.update(block);
      if ((int) crc.getValue() != index.getInt(entry + 12)) {
        throw new IOException("checksum mismatch in key group " + keyGroup);
      }
      return split(block, states.size() + timerQueues.size(), keyGroup);
    }
  }

  /** Reads the header and the index; the message of an error says what is wrong (no file name). */
  public static Header readHeader(SeekableByteChannel channel) throws IOException {
    ByteBuffer prefix = readFully(channel, 0, KeyedStateSnapshotFormat.PREFIX_BYTES);
    int magic = prefix.getInt();
    if (magic != KeyedStateSnapshotFormat.MAGIC) {
      throw new IOException(
          "not a keyed state snapshot (magic " + Integer.toHexString(magic) + ")");
    }
    int version = prefix.getInt();
    if (version != KeyedStateSnapshotFormat.VERSION) {
      throw new IOException("unsupported snapshot version " + version);
    }
    int headerLength = prefix.getInt();
    if (headerLength < 0) {
      throw new IOException("corrupt header length " + headerLength);
    }
    DataInputDeserializer header =
        new DataInputDeserializer(
            readFully(channel, KeyedStateSnapshotFormat.PREFIX_BYTES, headerLength).array());
    int maxParallelism = header.readInt();
    KeyGroupRange range = new KeyGroupRange(header.readInt(), header.readInt());
    String keySerializerClass = header.readString();
    String namespaceSerializerClass = header.readString();
    int stateCount = header.readInt();
    List<SnapshotStateMetaInfo> states = new ArrayList<>(stateCount);
    for (int i = 0; i < stateCount; i++) {
      states.add(SnapshotStateMetaInfo.read(header));
    }
    int queueCount = header.readInt();
    List<String> queues = new ArrayList<>(queueCount);
    for (int i = 0; i < queueCount; i++) {
      queues.add(header.readString());
    }
    ByteBuffer index =
        readFully(
            channel,
            KeyedStateSnapshotFormat.PREFIX_BYTES + (long) headerLength,
            range.size() * KeyedStateSnapshotFormat.INDEX_ENTRY_BYTES);
    return new Header(
        maxParallelism,
        range,
        keySerializerClass,
        namespaceSerializerClass,
        List.copyOf(states),
        List.copyOf(queues),
        index);
  }

  /** Cuts a block into its {@code count} length-prefixed sections. */
  private static byte[][] split(byte[] block, int count, int keyGroup) throws IOException {
    ByteBuffer in = ByteBuffer.wrap(block);
    byte[][] result = new byte[count][];
    for (int i = 0; i < count; i++) {
      int length = in.remaining() >= 4 ? in.getInt() : -1;
      if (length < 0 || length > in.remaining()) {
        throw new IOException("corrupt section " + i + " in key group " + keyGroup);
      }
      result[i] = Arrays.copyOfRange(block, in.position(), in.position() + length);
      in.position(in.position() + length);
    }
    return result;
  }

  private static ByteBuffer readFully(SeekableByteChannel channel, long position, int length)
      throws IOException {
    if (length < 0 || position < 0) {
      throw new IOException("corrupt index (offset " + position + ", length " + length + ")");
    }
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      channel.position(position + buffer.position());
      if (channel.read(buffer) < 0) {
        throw new EOFException("truncated: expected " + length + " bytes at offset " + position);
      }
    }
    return buffer.flip();
  }
}
