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
 * One canonical keyed state snapshot file (see {@link SnapshotFormat}), opened for the key groups
 * of a range: {@link #open} reads the header and the index, {@link #forEachKeyGroup} then reads the
 * blocks of the wanted key groups one at a time, checksums verified, cut into their sections. So a
 * restore holds one key group's block in memory at a time, however large the file. Nothing is
 * deserialized here: the serializers of a state arrive when an operator registers it.
 */
final class SnapshotFile {
  /** Receives the sections of one key group: the states', then the timer queues'. */
  interface BlockConsumer {
    void accept(int keyGroup, byte[][] sections) throws IOException;
  }

  final String file;
  final int maxParallelism;
  final KeyGroupRange range;
  final String keySerializerClass;
  final String namespaceSerializerClass;
  final List<StateMeta> states;
  final List<String> timerQueues;
  private final KeyGroupRange wanted;
  private final ByteBuffer index;

  private SnapshotFile(
      String file,
      int maxParallelism,
      KeyGroupRange range,
      String keySerializerClass,
      String namespaceSerializerClass,
      List<StateMeta> states,
      List<String> timerQueues,
      KeyGroupRange wanted,
      ByteBuffer index) {
    this.file = file;
    this.maxParallelism = maxParallelism;
    this.range = range;
    this.keySerializerClass = keySerializerClass;
    this.namespaceSerializerClass = namespaceSerializerClass;
    this.states = states;
    this.timerQueues = timerQueues;
    this.wanted = wanted;
    this.index = index;
  }

  /** Reads {@code file}'s header and index, for the key groups of {@code wanted}. */
  static SnapshotFile open(String file, KeyGroupRange wanted) throws IOException {
    try (SeekableByteChannel channel = CheckpointStorages.openForRead(file)) {
      return open(file, channel, wanted);
    } catch (IOException | RuntimeException e) {
      throw failure(file, e);
    }
  }

  /**
   * Reads the blocks of the key groups in both this file's and the wanted range, in order, and
   * hands each to {@code consumer}; errors name the file.
   */
  void forEachKeyGroup(BlockConsumer consumer) throws IOException {
    int first = Math.max(range.start(), wanted.start());
    int last = Math.min(range.end(), wanted.end());
    int count = states.size() + timerQueues.size();
    try (SeekableByteChannel channel = CheckpointStorages.openForRead(file)) {
      for (int g = first; g <= last; g++) {
        int entry = (g - range.start()) * SnapshotFormat.INDEX_ENTRY_BYTES;
        byte[] block = readFully(channel, index.getLong(entry), index.getInt(entry + 8)).array();
        CRC32 crc = new CRC32();
        crc.update(block);
        if ((int) crc.getValue() != index.getInt(entry + 12)) {
          throw new IOException("checksum mismatch in key group " + g);
        }
        consumer.accept(g, split(block, count, g));
      }
    } catch (IOException | RuntimeException e) {
      throw failure(file, e);
    }
  }

  private static IOException failure(String file, Exception e) {
    String reason = e.getMessage() == null ? e.toString() : e.getMessage();
    return new IOException("Cannot restore keyed state from " + file + ": " + reason, e);
  }

  private static SnapshotFile open(String file, SeekableByteChannel channel, KeyGroupRange wanted)
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
    return new SnapshotFile(
        file,
        maxParallelism,
        range,
        keySerializerClass,
        namespaceSerializerClass,
        List.copyOf(states),
        List.copyOf(queues),
        wanted,
        index);
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
