package io.eddy.runtime.state.heap;

import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.state.KeyedSnapshotReader;
import io.eddy.runtime.state.KeyedStateSnapshotFormat;
import io.eddy.runtime.state.SnapshotStateMetaInfo;
import io.eddy.runtime.storage.CheckpointStorages;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.List;

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
    KeyedSnapshotReader.Header header = KeyedSnapshotReader.readHeader(channel);
    KeyGroupRange range = header.range();
    int first = Math.max(range.start(), wanted.start());
    int last = Math.min(range.end(), wanted.end());
    byte[][][] sections = new byte[Math.max(0, last - first + 1)][][];
    for (int g = first; g <= last; g++) {
      sections[g - first] = header.readKeyGroup(channel, g);
    }
    return new KeyedStateFile(
        file,
        header.maxParallelism(),
        range,
        header.keySerializerClass(),
        header.namespaceSerializerClass(),
        header.states(),
        header.timerQueues(),
        first,
        sections);
  }
}
