package io.eddy.state.rocksdb;

import io.eddy.api.common.state.StateDescriptor;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.memory.DataOutputSerializer;
import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.snapshot.StateWriter;
import io.eddy.runtime.state.KeyedStateSnapshotFormat;
import io.eddy.runtime.state.SnapshotStateMetaInfo;
import io.eddy.runtime.state.timers.InternalTimer;
import io.eddy.runtime.state.timers.KeyGroupedTimerQueue;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;

/**
 * A full snapshot of a {@link RocksDBKeyedStateBackend} in the canonical format ({@link
 * KeyedStateSnapshotFormat}), which the heap backend restores too. {@link #take} (task thread) only
 * pins a RocksDB snapshot — a sequence number, no copy — and copies the lists of timers per key
 * group; {@link #writeTo} (the checkpoint I/O thread) iterates every state's column family at that
 * snapshot key group by key group, writing the blocks to a local scratch file first (so memory
 * stays bounded by one key group of one state) and then the header, the index and the blocks to the
 * stream. The backend's native resources stay open until the snapshot is released, even if the task
 * closes the backend meanwhile.
 */
final class FullSnapshot<K> implements StateWriter {
  /** A state whose rows are written: its meta info and column family. */
  record LiveState(SnapshotStateMetaInfo meta, ColumnFamilyHandle column) {}

  private final RocksDBKeyedStateBackend<K> backend;
  private final KeyGroupRange range;
  private final byte[] header;
  private final List<LiveState> live;
  private final RestoredSections restored;
  private final List<RestoredSections.Pending> restoredStates;
  private final List<List<Collection<InternalTimer<K>>>> timers;
  private final List<RestoredSections.Pending> restoredTimers;
  private final TypeSerializer<K> keySerializer;
  private final TypeSerializer<Object> namespaceSerializer;
  private Snapshot snapshot; // null once released
  private ReadOptions readOptions;

  private FullSnapshot(
      RocksDBKeyedStateBackend<K> backend,
      byte[] header,
      List<LiveState> live,
      RestoredSections restored,
      List<List<Collection<InternalTimer<K>>>> timers,
      Snapshot snapshot) {
    this.backend = backend;
    this.range = backend.getKeyGroupRange();
    this.header = header;
    this.live = live;
    this.restored = restored;
    this.restoredStates = restored == null ? List.of() : restored.unclaimedStates();
    this.timers = timers;
    this.restoredTimers = restored == null ? List.of() : restored.unclaimedTimers();
    this.keySerializer = backend.keySerializer().duplicate();
    this.namespaceSerializer = backend.namespaceSerializer().duplicate();
    this.snapshot = snapshot;
    this.readOptions = new ReadOptions().setSnapshot(snapshot).setFillCache(false);
  }

  /**
   * Takes a snapshot of {@code live} states, the restored states and timers nobody registered
   * ({@code restored}, null if none) and the timers of {@code timerQueues} (sorted by name). Task
   * thread only.
   */
  static <K> FullSnapshot<K> take(
      RocksDBKeyedStateBackend<K> backend,
      List<LiveState> live,
      RestoredSections restored,
      Map<String, KeyGroupedTimerQueue<K>> timerQueues) {
    List<RestoredSections.Pending> restoredStates =
        restored == null ? List.of() : restored.unclaimedStates();
    List<RestoredSections.Pending> restoredTimers =
        restored == null ? List.of() : restored.unclaimedTimers();
    int numKeyGroups = backend.getKeyGroupRange().size();
    List<String> queueNames = new ArrayList<>();
    List<List<Collection<InternalTimer<K>>>> timers = new ArrayList<>();
    timerQueues.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              queueNames.add(e.getKey());
              List<Collection<InternalTimer<K>>> perGroup = new ArrayList<>(numKeyGroups);
              for (int g = 0; g < numKeyGroups; g++) {
                perGroup.add(e.getValue().timersOfKeyGroup(g)); // a copy; timers are immutable
              }
              timers.add(perGroup);
            });
    restoredTimers.forEach(p -> queueNames.add(p.meta().name()));
    List<SnapshotStateMetaInfo> metas = new ArrayList<>();
    live.forEach(s -> metas.add(s.meta()));
    restoredStates.forEach(p -> metas.add(p.meta()));
    checkUnique(metas.stream().map(SnapshotStateMetaInfo::name).toList());
    checkUnique(queueNames);
    byte[] header = header(backend, metas, queueNames);
    backend.acquireLease();
    try {
      return new FullSnapshot<>(
          backend, header, live, restored, timers, backend.db().getSnapshot());
    } catch (RuntimeException | Error e) {
      backend.releaseLease();
      throw e;
    }
  }

  private static void checkUnique(List<String> names) {
    if (names.stream().distinct().count() != names.size()) {
      throw new IllegalStateException(
          "Two states or timer queues have the same name among " + names + ": cannot snapshot.");
    }
  }

  private static byte[] header(
      RocksDBKeyedStateBackend<?> backend,
      List<SnapshotStateMetaInfo> states,
      List<String> queues) {
    DataOutputSerializer out = new DataOutputSerializer(256);
    KeyGroupRange range = backend.getKeyGroupRange();
    out.writeInt(backend.getMaxParallelism());
    out.writeInt(range.start());
    out.writeInt(range.end());
    out.writeString(backend.keySerializer().getClass().getName());
    out.writeString(KeyedStateSnapshotFormat.NAMESPACE_SERIALIZER);
    out.writeInt(states.size());
    try {
      for (SnapshotStateMetaInfo meta : states) {
        meta.write(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.writeInt(queues.size());
    queues.forEach(out::writeString);
    return out.getCopyOfBuffer();
  }

  @Override
  public synchronized void writeTo(OutputStream stream) throws IOException {
    if (snapshot == null) {
      throw new IOException("The keyed state snapshot was released before it was written");
    }
    Path scratch = backend.scratchFile();
    try {
      long[] lengths = new long[range.size()];
      int[] crcs = new int[range.size()];
      try (OutputStream blocks =
          new BufferedOutputStream(Files.newOutputStream(scratch), 64 * 1024)) {
        writeBlocks(blocks, lengths, crcs);
      }
      ByteBuffer prefix =
          ByteBuffer.allocate(
              KeyedStateSnapshotFormat.PREFIX_BYTES
                  + header.length
                  + range.size() * KeyedStateSnapshotFormat.INDEX_ENTRY_BYTES);
      prefix.putInt(KeyedStateSnapshotFormat.MAGIC);
      prefix.putInt(KeyedStateSnapshotFormat.VERSION);
      prefix.putInt(header.length);
      prefix.put(header);
      long offset = prefix.capacity();
      for (int g = 0; g < lengths.length; g++) {
        prefix.putLong(offset);
        prefix.putInt((int) lengths[g]);
        prefix.putInt(crcs[g]);
        offset += lengths[g];
      }
      stream.write(prefix.array());
      try (InputStream blocks = Files.newInputStream(scratch)) {
        blocks.transferTo(stream);
      }
    } finally {
      Files.deleteIfExists(scratch);
    }
  }

  private void writeBlocks(OutputStream out, long[] lengths, int[] crcs) throws IOException {
    DataOutputSerializer block = new DataOutputSerializer(64 * 1024);
    DataOutputSerializer section = new DataOutputSerializer(64 * 1024);
    CRC32 crc = new CRC32();
    for (int g = 0; g < range.size(); g++) {
      int keyGroup = range.start() + g;
      block.clear();
      for (LiveState state : live) {
        section.clear();
        int entries = writeStateSection(state, keyGroup, section);
        appendSection(block, entries, section);
      }
      for (RestoredSections.Pending pending : restoredStates) {
        byte[] bytes = restored.section(pending, keyGroup, readOptions);
        appendRaw(block, bytes == null ? KeyedStateSnapshotFormat.EMPTY_SECTION : bytes);
      }
      for (List<Collection<InternalTimer<K>>> queue : timers) {
        section.clear();
        Collection<InternalTimer<K>> ofGroup = queue.get(g);
        for (InternalTimer<K> timer : ofGroup) {
          section.writeLong(timer.getTimestamp());
          keySerializer.serialize(timer.getKey(), section);
          Object namespace = timer.getNamespace();
          section.writeBoolean(namespace != null);
          if (namespace != null) {
            namespaceSerializer.serialize(namespace, section);
          }
        }
        appendSection(block, ofGroup.size(), section);
      }
      for (RestoredSections.Pending pending : restoredTimers) {
        byte[] bytes = restored.section(pending, keyGroup, readOptions);
        appendRaw(block, bytes == null ? KeyedStateSnapshotFormat.EMPTY_SECTION : bytes);
      }
      crc.reset();
      crc.update(block.getSharedBuffer(), 0, block.length());
      lengths[g] = block.length();
      crcs[g] = (int) crc.getValue();
      out.write(block.getSharedBuffer(), 0, block.length());
    }
  }

  private static void appendSection(
      DataOutputSerializer block, int entries, DataOutputSerializer section) {
    DataOutputSerializer count = new DataOutputSerializer(5);
    count.writeVarInt(entries);
    block.writeInt(count.length() + section.length());
    block.write(count.getSharedBuffer(), 0, count.length());
    block.write(section.getSharedBuffer(), 0, section.length());
  }

  private static void appendRaw(DataOutputSerializer block, byte[] section) {
    block.writeInt(section.length);
    block.write(section);
  }

  /** Writes the entries of {@code state} in {@code keyGroup}; returns how many. */
  private int writeStateSection(LiveState state, int keyGroup, DataOutputSerializer out) {
    StateDescriptor.Type kind = state.meta().kind();
    byte[] start = RowKeys.keyGroupStart(keyGroup);
    int entries = 0;
    byte[] mapPrefix = null;
    int mapCountPosition = -1;
    int mapCount = 0;
    try (RocksIterator it = backend.db().newIterator(state.column(), readOptions)) {
      for (it.seek(start); it.isValid(); it.next()) {
        byte[] row = it.key();
        if (!RowKeys.startsWith(row, start, 2)) {
          break;
        }
        RowKeys.Parsed parsed = RowKeys.parse(row);
        byte[] value = it.value();
        if (kind == StateDescriptor.Type.MAP) {
          int prefixEnd = parsed.prefixEnd();
          if (mapPrefix == null
              || mapPrefix.length != prefixEnd
              || !RowKeys.startsWith(row, mapPrefix, prefixEnd)) {
            if (mapPrefix != null) {
              patchCount(out, mapCountPosition, mapCount);
            }
            mapPrefix = java.util.Arrays.copyOf(row, prefixEnd);
            writeKeyAndNamespace(row, parsed, out);
            mapCountPosition = out.position();
            out.writeInt(0); // the entry count, patched once known
            mapCount = 0;
            entries++;
          }
          out.write(row, prefixEnd, row.length - prefixEnd);
          out.write(value);
          mapCount++;
          continue;
        }
        writeKeyAndNamespace(row, parsed, out);
        if (kind == StateDescriptor.Type.LIST) {
          out.writeVarInt(Elements.countListElements(value));
          Elements.forEachListElement(value, (offset, length) -> out.write(value, offset, length));
        } else {
          out.write(value);
        }
        entries++;
      }
    }
    if (mapPrefix != null) {
      patchCount(out, mapCountPosition, mapCount);
    }
    return entries;
  }

  /**
   * Replaces the 4-byte placeholder at {@code position} by {@code count} as a varint: the bytes
   * after it move back.
   */
  private static void patchCount(DataOutputSerializer out, int position, int count) {
    int end = out.position();
    byte[] buffer = out.getSharedBuffer();
    byte[] tail = java.util.Arrays.copyOfRange(buffer, position + 4, end);
    out.setPosition(position);
    out.writeVarInt(count);
    out.write(tail);
  }

  private static void writeKeyAndNamespace(
      byte[] row, RowKeys.Parsed parsed, DataOutputSerializer out) {
    out.write(row, parsed.keyStart(), parsed.keyEnd() - parsed.keyStart());
    out.writeBoolean(parsed.hasNamespace());
    if (parsed.hasNamespace()) {
      out.write(row, parsed.namespaceStart(), parsed.namespaceEnd() - parsed.namespaceStart());
    }
  }

  @Override
  public synchronized void release() {
    if (snapshot != null) {
      backend.db().releaseSnapshot(snapshot);
      readOptions.close();
      snapshot = null;
      readOptions = null;
      backend.releaseLease();
    }
  }
}
