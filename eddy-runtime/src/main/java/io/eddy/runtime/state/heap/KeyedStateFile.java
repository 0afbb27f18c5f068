package io.eddy.runtime.state.heap;

import io.eddy.core.internal.memory.DataInputDeserializer;
import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.storage.CheckpointStorages;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The part of one keyed state snapshot file (see {@link KeyedStateSnapshotFormat}) that a key-group
 * range needs: the header, and for each key group both the file and the range contain, the bytes of
 * every state's and timer queue's section, checksums verified. Nothing is deserialized: that needs
 * the serializers of each state, which arrive only when the state is registered.
 *
 * <p>Reading the bytes into memory at once (rather than keeping the location) detects a missing or
 * damaged file at restore time, and makes later registrations independent of the checkpoint
 * directory, which may be cleaned up meanwhile.
 */
final class KeyedStateFile {
  final String file;
  final int maxParallelism;
  final KeyGroupRange range;
  final String keySerializerClass;
  final String namespaceSerializerClass;
  final List<SnapshotStateMetaInfo> states;
  final List<String> timerQueues;

  /** First key group of {@link #sections}; {@code sections.length} groups follow (maybe none). */
  final int firstLoadedKeyGroup;

  /** Per loaded key group: the sections of the states, then those of the timer queues. */
  private final byte[][][] sections;

  private KeyedStateFile(
      String file,
      int maxParallelism,
      KeyGroupRange range,
      String keySerializerClass,
      String namespaceSerializerClass,
      List<SnapshotStateMetaInfo> states,
      List<String> timerQueues,
      int firstLoadedKeyGroup,
      byte[][][] sections) {
    this.file = file;
    this.maxParallelism = maxParallelism;
    this.range = range;
    this.keySerializerClass = keySerializerClass;
    this.namespaceSerializerClass = namespaceSerializerClass;
    this.states = states;
    this.timerQueues = timerQueues;
    this.firstLoadedKeyGroup = firstLoadedKeyGroup;
    this.sections = sections;
  }

  /** Number of key groups loaded (those in both the file's and the wanted range). */
  int numLoadedKeyGroups() {
    return sections.length;
  }

  /**
   * The section of state {@code stateIndex} (header order) in loaded key group {@code keyGroup}.
   */
  byte[] stateSection(int stateIndex, int keyGroup) {
    return sections[keyGroup - firstLoadedKeyGroup][stateIndex];
  }

  /** The section of timer queue {@code queueIndex} in loaded key group {@code keyGroup}. */
  byte[] timerSection(int queueIndex, int keyGroup) {
    return sections[keyGroup - firstLoadedKeyGroup][states.size() + queueIndex];
  }

  /**
   * Reads the header of {@code file} and the blocks of the key groups in {@code wanted}. Throws an
   * {@link IOException} naming the file if it is missing, truncated, damaged or not a snapshot.
   */
  static KeyedStateFile read(String file, KeyGroupRange wanted) throws IOException {
    try (SeekableByteChannel channel = CheckpointStorages.openForRead(file)) {
      return read(file, channel, wanted);
    } catch (IOException | RuntimeException e) {
      String reason = e.getMessage() == null ? e.toString() : e.getMessage();
      throw new IOException("Cannot restore keyed state from " + file + ": " + reason, e);
    }
  }

  private static KeyedStateFile read(String file, SeekableByteChannel channel, KeyGroupRange wanted)
      throws IOException {
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
    int first = Math.max(range.start(), wanted.start());
    int last = Math.min(range.end(), wanted.end());
    byte[][][] sections = new byte[Math.max(0, last - first + 1)][][];
    for (int g = first; g <= last; g++) {
      int entry = (g - range.start()) * KeyedStateSnapshotFormat.INDEX_ENTRY_BYTES;
      byte[] block = readFully(channel, index.getLong(entry), index.getInt(entry + 8)).array();
      CRC32 crc = new CRC32();
      crc.update(block);
      if ((int) crc.getValue() != index.getInt(entry + 12)) {
        throw new IOException("checksum mismatch in key group " + g);
      }
      sections[g - first] = split(block, stateCount + queueCount, g);
    }
    return new KeyedStateFile(
        file,
        maxParallelism,
        range,
        keySerializerClass,
        namespaceSerializerClass,
        List.copyOf(states),
        List.copyOf(queues),
        first,
        sections);
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
