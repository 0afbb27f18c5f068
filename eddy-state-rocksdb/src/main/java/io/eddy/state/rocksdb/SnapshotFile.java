package io.eddy.state.rocksdb;

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
 * The part of one canonical keyed state snapshot file (see {@link SnapshotFormat}) that a key-group
 * range needs: the header, and per key group in both ranges the bytes of each state's and timer
 * queue's section, checksums verified. Nothing is deserialized here: the serializers of a state
 * arrive when an operator registers it.
 */
final class SnapshotFile {
  final String file;
  final int maxParallelism;
  final KeyGroupRange range;
  final String keySerializerClass;
  final String namespaceSerializerClass;
  final List<StateMeta> states;
  final List<String> timerQueues;
  final int firstLoadedKeyGroup;
  private final byte[][][] sections;

  private SnapshotFile(
      String file,
      int maxParallelism,
      KeyGroupRange range,
      String keySerializerClass,
      String namespaceSerializerClass,
      List<StateMeta> states,
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

  int numLoadedKeyGroups() {
    return sections.length;
  }

  byte[] stateSection(int stateIndex, int keyGroup) {
    return sections[keyGroup - firstLoadedKeyGroup][stateIndex];
  }

  byte[] timerSection(int queueIndex, int keyGroup) {
    return sections[keyGroup - firstLoadedKeyGroup][states.size() + queueIndex];
  }

  /** Reads {@code file}'s header and the key groups of {@code wanted}; errors name the file. */
  static SnapshotFile read(String file, KeyGroupRange wanted) throws IOException {
    try (SeekableByteChannel channel = CheckpointStorages.openForRead(file)) {
      return read(file, channel, wanted);
    } catch (IOException | RuntimeException e) {
      String reason = e.getMessage() == null ? e.toString() : e.getMessage();
      throw new IOException("Cannot restore keyed state from " + file + ": " + reason, e);
    }
  }

  private static SnapshotFile read(String file, SeekableByteChannel channel, KeyGroupRange wanted)
      throws IOException {
    ByteBuffer prefix = readFully(channel, 0, SnapshotFormat.PREFIX_BYTES);
    int magic = prefix.getInt();
    if (magic != SnapshotFormat.MAGIC) {
      throw new IOException(
          "not a keyed state snapshot (magic " + Integer.toHexString(magic) + ")");
    }
    int version = prefix.getInt();
    if (version != SnapshotFormat.VERSION) {
      throw new IOException("unsupported snapshot version " + version);
    }
    int headerLength = prefix.getInt();
    if (headerLength < 0) {
      throw new IOException("corrupt header length " + headerLength);
    }
    DataInputDeserializer header =
        new DataInputDeserializer(
            readFully(channel, SnapshotFormat.PREFIX_BYTES, headerLength).array());
    int maxParallelism = header.readInt();
    KeyGroupRange range = new KeyGroupRange(header.readInt(), header.readInt());
    String keySerializerClass = header.readString();
    String namespaceSerializerClass = header.readString();
    int stateCount = header.readInt();
    List<StateMeta> states = new ArrayList<>(stateCount);
    for (int i = 0; i < stateCount; i++) {
      states.add(StateMeta.read(header));
    }
    int queueCount = header.readInt();
    List<String> queues = new ArrayList<>(queueCount);
    for (int i = 0; i < queueCount; i++) {
      queues.add(header.readString());
    }
    ByteBuffer index =
        readFully(
            channel,
            SnapshotFormat.PREFIX_BYTES + (long) headerLength,
            range.size() * SnapshotFormat.INDEX_ENTRY_BYTES);
    int first = Math.max(range.start(), wanted.start());
    int last = Math.min(range.end(), wanted.end());
    byte[][][] sections = new byte[Math.max(0, last - first + 1)][][];
    for (int g = first; g <= last; g++) {
      int entry = (g - range.start()) * SnapshotFormat.INDEX_ENTRY_BYTES;
      byte[] block = readFully(channel, index.getLong(entry), index.getInt(entry + 8)).array();
      CRC32 crc = new CRC32();
      crc.update(block);
      if ((int) crc.getValue() != index.getInt(entry + 12)) {
        throw new IOException("checksum mismatch in key group " + g);
      }
      sections[g - first] = split(block, stateCount + queueCount, g);
    }
    return new SnapshotFile(
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
