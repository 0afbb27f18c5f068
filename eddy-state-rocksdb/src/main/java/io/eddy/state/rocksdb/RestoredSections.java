package io.eddy.state.rocksdb;

import io.eddy.api.common.state.StateDescriptor;
import io.eddy.core.internal.memory.DataOutputSerializer;
import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.state.KeyedStateSnapshotFormat;
import io.eddy.runtime.state.SnapshotStateMetaInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * What a backend restored and no state or timer queue claimed yet: the sections of each state and
 * timer queue per key group, still serialized, staged in a column family of the backend's own
 * RocksDB instance (local disk, not the heap), so that a restore holds one key group's block in
 * memory at a time and later registrations do not depend on the checkpoint's files, which may be
 * deleted meanwhile. A state is decoded into its own column family when it is registered; one never
 * registered is copied as it is into the next snapshots. Task thread only, except that snapshot
 * writers read the staged sections at their RocksDB snapshot.
 */
final class RestoredSections {
  private static final byte STATE = 's';
  private static final byte TIMERS = 't';
  private static final int WRITE_BATCH_BYTES = 4 << 20;

  /**
   * A state or timer queue of the restore files.
   *
   * @param origin the files it came from, for messages
   */
  record Pending(SnapshotStateMetaInfo meta, boolean timers, String origin) {
    /** The staging row key of its section of {@code keyGroup}. */
    byte[] row(int keyGroup) {
      byte[] prefix = prefix();
      byte[] row = Arrays.copyOf(prefix, prefix.length + 2);
      row[prefix.length] = (byte) (keyGroup >>> 8);
      row[prefix.length + 1] = (byte) keyGroup;
      return row;
    }

    byte[] prefix() {
      byte[] name = meta.name().getBytes(StandardCharsets.UTF_8);
      DataOutputSerializer out = new DataOutputSerializer(name.length + 6);
      out.writeByte(timers ? TIMERS : STATE);
      out.writeVarInt(name.length);
      out.write(name);
      return out.getCopyOfBuffer();
    }
  }

  private final RocksDB db;
  private final ColumnFamilyHandle staging;
  private final Map<String, Pending> states = new LinkedHashMap<>();
  private final Map<String, Pending> timers = new LinkedHashMap<>();

  private RestoredSections(RocksDB db, ColumnFamilyHandle staging) {
    this.db = db;
    this.staging = staging;
  }

  /**
   * Stages the sections of {@code files} for the key groups of {@code range} in {@code staging}. A
   * state in several files must be recorded alike in all of them.
   */
  static RestoredSections stage(
      List<SnapshotFile> files,
      KeyGroupRange range,
      RocksDB db,
      ColumnFamilyHandle staging,
      WriteOptions writeOptions)
      throws IOException {
    RestoredSections restored = new RestoredSections(db, staging);
    for (SnapshotFile file : files) {
      List<Pending> sections = new ArrayList<>();
      for (SnapshotStateMetaInfo meta : file.states) {
        sections.add(restored.pending(restored.states, meta, false, file));
      }
      for (String queue : file.timerQueues) {
        // timer queues have no serializers of their own: a name-only meta info
        SnapshotStateMetaInfo meta =
            new SnapshotStateMetaInfo(queue, StateDescriptor.Type.VALUE, false, "", "");
        sections.add(restored.pending(restored.timers, meta, true, file));
      }
      try (WriteBatch batch = new WriteBatch()) {
        file.forEachKeyGroup(
            (keyGroup, blockSections) -> {
              try {
                for (int i = 0; i < blockSections.length; i++) {
                  if (!Arrays.equals(blockSections[i], KeyedStateSnapshotFormat.EMPTY_SECTION)) {
                    batch.put(staging, sections.get(i).row(keyGroup), blockSections[i]);
                  }
                }
                if (batch.getDataSize() > WRITE_BATCH_BYTES) {
                  db.write(writeOptions, batch);
                  batch.clear();
                }
              } catch (RocksDBException e) {
                throw new IOException("cannot stage the restored state: " + e.getMessage(), e);
              }
            });
        db.write(writeOptions, batch);
      } catch (RocksDBException e) {
        throw new IOException(
            "Cannot restore keyed state from " + file.file + ": " + e.getMessage(), e);
      }
    }
    return restored;
  }

  private Pending pending(
      Map<String, Pending> map, SnapshotStateMetaInfo meta, boolean timer, SnapshotFile file)
      throws IOException {
    Pending existing = map.get(meta.name());
    if (existing == null) {
      Pending created = new Pending(meta, timer, file.file);
      map.put(meta.name(), created);
      return created;
    }
    if (!existing.meta().equals(meta)) {
      throw new IOException(
          "Cannot restore keyed state from "
              + file.file
              + ": "
              + meta
              + " there but "
              + existing.meta()
              + " in "
              + existing.origin());
    }
    Pending merged = new Pending(existing.meta(), timer, existing.origin() + ", " + file.file);
    map.put(meta.name(), merged);
    return merged;
  }

  /** The staged section of {@code pending} in {@code keyGroup}, or null if it is empty. */
  byte[] section(Pending pending, int keyGroup, ReadOptions readOptions) {
    try {
      return db.get(staging, readOptions, pending.row(keyGroup));
    } catch (RocksDBException e) {
      throw new IllegalStateException(
          "Cannot read the restored state '" + pending.meta().name() + "': " + e.getMessage(), e);
    }
  }

  /** Forgets the staged sections of {@code pending} (it was decoded). */
  void drop(Pending pending, WriteOptions writeOptions) {
    byte[] prefix = pending.prefix();
    try {
      db.deleteRange(staging, writeOptions, prefix, RowKeys.prefixEnd(prefix));
    } catch (RocksDBException e) {
      throw new IllegalStateException(
          "Cannot drop the restored state '" + pending.meta().name() + "': " + e.getMessage(), e);
    }
  }

  Pending claimState(String name) {
    return states.remove(name);
  }

  Pending claimTimers(String name) {
    return timers.remove(name);
  }

  List<Pending> unclaimedStates() {
    return new ArrayList<>(states.values());
  }

  List<Pending> unclaimedTimers() {
    return new ArrayList<>(timers.values());
  }

  ColumnFamilyHandle staging() {
    return staging;
  }
}
