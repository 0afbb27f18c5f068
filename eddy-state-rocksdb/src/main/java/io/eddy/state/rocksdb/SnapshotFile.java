package io.eddy.state.rocksdb;

import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.state.KeyedSnapshotReader;
import io.eddy.runtime.state.KeyedStateSnapshotFormat;
import io.eddy.runtime.state.SnapshotStateMetaInfo;
import io.eddy.runtime.storage.CheckpointStorages;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.List;

/**
 * One canonical keyed state snapshot file (see {@link KeyedStateSnapshotFormat}), opened for the
 * key groups of a range: {@link #open} reads the header and the index, {@link #forEachKeyGroup}
 * then reads the blocks of the wanted key groups one at a time, checksums verified, cut into their
 * sections. So a restore holds one key group's block in memory at a time, however large the file.
 * Nothing is deserialized here: the serializers of a state arrive when an operator registers it.
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
  final List<SnapshotStateMetaInfo> states;
  final List<String> timerQueues;
  private final KeyGroupRange wanted;
  private final KeyedSnapshotReader.Header header;

  private SnapshotFile(
      String file,
      int maxParallelism,
      KeyGroupRange range,
      String keySerializerClass,
      String namespaceSerializerClass,
      List<SnapshotStateMetaInfo> states,
      List<String> timerQueues,
      KeyGroupRange wanted,
      KeyedSnapshotReader.Header header) {
    this.file = file;
    this.maxParallelism = maxParallelism;
    this.range = range;
    this.keySerializerClass = keySerializerClass;
    this.namespaceSerializerClass = namespaceSerializerClass;
    this.states = states;
    this.timerQueues = timerQueues;
    this.wanted = wanted;
    this.header = header;
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
    try (SeekableByteChannel channel = CheckpointStorages.openForRead(file)) {
      for (int g = first; g <= last; g++) {
        consumer.accept(g, header.readKeyGroup(channel, g));
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
    KeyedSnapshotReader.Header header = KeyedSnapshotReader.readHeader(channel);
    return new SnapshotFile(
        file,
        header.maxParallelism(),
        header.range(),
        header.keySerializerClass(),
        header.namespaceSerializerClass(),
        header.states(),
        header.timerQueues(),
        wanted,
        header);
  }
}
