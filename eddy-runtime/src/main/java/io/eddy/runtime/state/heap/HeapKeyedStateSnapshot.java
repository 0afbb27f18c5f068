package io.eddy.runtime.state.heap;

import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.memory.DataOutputSerializer;
import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.snapshot.StateWriter;
import io.eddy.runtime.state.KeyedStateSnapshotFormat;
import io.eddy.runtime.state.SnapshotStateMetaInfo;
import io.eddy.runtime.state.TimeWindowSerializer;
import io.eddy.runtime.state.timers.InternalTimer;
import io.eddy.runtime.state.timers.KeyGroupedTimerQueue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * A consistent copy of the keyed state of a {@link HeapKeyedStateBackend}, taken on the task thread
 * by {@link #take} and written in the format of {@link KeyedStateSnapshotFormat} by {@link
 * #writeTo} on any thread, while the task goes on changing the state.
 *
 * <p>{@link #take} serializes nothing: it starts a snapshot version ({@link SnapshotVersions}) and
 * copies the slot arrays of each key group of each state ({@link StateMap#freeze}) and the timer
 * lists of each key group (timers are immutable). Its cost grows with the number of key groups and
 * slots, not with the size of the stored objects. {@link #writeTo} serializes every state kind on
 * its own thread. Meanwhile the task's puts, removes and rehashes change only the live slot arrays,
 * and stored objects that change in place (lists, maps, TTL wrappers, mutable values and
 * accumulators) are copied by the task thread before their first change while the snapshot shares
 * them (copy-on-write, see {@link StateMap}). Once {@link #writeTo} has serialized the state, or
 * {@link #release} abandoned the snapshot, the version is released and nothing is copied for it any
 * more.
 *
 * <p>The snapshot holds the registered user states, the internal value states, the given timer
 * queues, and whatever the backend restored but nobody registered yet (copied as is).
 */
public final class HeapKeyedStateSnapshot implements StateWriter {
  /** Releases the versions of snapshots dropped without {@link #release} (a safety net). */
  private static final Cleaner CLEANER = Cleaner.create();

  private final byte[] header;
  private final int numKeyGroups;
  private List<Section> sections; // null once released
  private final Cleaner.Cleanable releaseVersion;
  private byte[][] blocks; // made by the first writeTo

  private HeapKeyedStateSnapshot(
      byte[] header,
      int numKeyGroups,
      List<Section> sections,
      SnapshotVersions versions,
      int version) {
    this.header = header;
    this.numKeyGroups = numKeyGroups;
    this.sections = sections;
    // the action must not refer to this snapshot, or it would never become unreachable
    this.releaseVersion = CLEANER.register(this, () -> versions.release(version));
  }

  /**
   * Takes a snapshot of all states of {@code backend}. Task thread only.
   *
   * @param keySerializer serializer of the backend's keys
   * @param namespaceSerializer serializer of the namespaces (windows) entries may have, for example
   *     {@link TimeWindowSerializer#INSTANCE}; null if no entry has a namespace
   */
  public static <K> HeapKeyedStateSnapshot take(
      HeapKeyedStateBackend<K> backend,
      TypeSerializer<K> keySerializer,
      TypeSerializer<?> namespaceSerializer) {
    return take(backend, Map.of(), keySerializer, namespaceSerializer);
  }

  /**
   * Takes a snapshot of all states of {@code backend} and the timers of {@code timerQueues} (by
   * name, for example "event-time" and "processing-time"; their key group indexes must be relative
   * to the backend's range). Task thread only.
   */
  public static <K> HeapKeyedStateSnapshot take(
      HeapKeyedStateBackend<K> backend,
      Map<String, KeyGroupedTimerQueue<K>> timerQueues,
      TypeSerializer<K> keySerializer,
      TypeSerializer<?> namespaceSerializer) {
    for (HeapValueState<K, ?> state : backend.internalValueStates()) {
      if (state.serializer() == null) {
        throw new IllegalStateException(
            "Cannot snapshot internal value state '" + state.name() + "': it has no serializer.");
      }
    }
    // the writer serializes with its own duplicates of the serializers
    Writer<K> writer =
        new Writer<>(
            keySerializer.duplicate(),
            namespaceSerializer == null ? null : namespaceSerializer.duplicate());
    int numKeyGroups = backend.getKeyGroupRange().size();
    Map<String, Section> states = new TreeMap<>();
    Map<String, Section> timers = new TreeMap<>();
    SnapshotVersions versions = backend.snapshotVersions();
    int version = versions.start();
    try {
      backend
          .registeredDescriptors()
          .forEach(
              (name, descriptor) -> {
                AbstractHeapState<K, ?> state = backend.registeredState(name);
                boolean ttl = state.ttl != null;
                StoredValueCodec codec = new StoredValueCodec(descriptor);
                put(
                    states,
                    name,
                    freeze(codec.metaInfo(name, ttl), state.table, codec, ttl, writer, version));
              });
      for (HeapValueState<K, ?> state : backend.internalValueStates()) {
        StoredValueCodec codec = new StoredValueCodec(state.serializer().duplicate());
        put(
            states,
            state.name(),
            freeze(
                codec.metaInfo(state.name(), false), state.table, codec, false, writer, version));
      }
      timerQueues.forEach(
          (name, queue) -> put(timers, name, freezeTimers(queue, numKeyGroups, writer)));
      RestoredKeyGroups restored = backend.restoredKeyGroups();
      if (restored != null) {
        for (RestoredKeyGroups.Pending pending : restored.unclaimedStates()) {
          put(
              states,
              pending.meta().name(),
              new SerializedSection(pending.meta(), pending.sections()));
        }
        for (RestoredKeyGroups.Pending pending : restored.unclaimedTimers()) {
          put(
              timers,
              pending.meta().name(),
              new SerializedSection(pending.meta(), pending.sections()));
        }
      }
      List<Section> sections = new ArrayList<>(states.values());
      sections.addAll(timers.values());
      return new HeapKeyedStateSnapshot(
          header(backend, keySerializer, namespaceSerializer, states, timers),
          numKeyGroups,
          sections,
          versions,
          version);
    } catch (RuntimeException | Error e) {
      versions.release(version);
      throw e;
    }
  }

  private static <K> FrozenStateSection<K> freeze(
      SnapshotStateMetaInfo meta,
      StateTable<Object, ?> table,
      StoredValueCodec codec,
      boolean ttl,
      Writer<K> writer,
      int version) {
    StateMap.Frozen[] maps = new StateMap.Frozen[table.numKeyGroups()];
    for (int g = 0; g < maps.length; g++) {
      maps[g] = table.map(g).freeze(version);
    }
    return new FrozenStateSection<>(meta, maps, codec, ttl, writer);
  }

  private static <K> Section freezeTimers(
      KeyGroupedTimerQueue<K> queue, int numKeyGroups, Writer<K> writer) {
    List<Collection<InternalTimer<K>>> timers = new ArrayList<>(numKeyGroups);
    for (int g = 0; g < numKeyGroups; g++) {
      timers.add(queue.timersOfKeyGroup(g)); // a new list; the timers themselves are immutable
    }
    return new FrozenTimerSection<>(timers, writer);
  }

  private static <K> byte[] header(
      HeapKeyedStateBackend<K> backend,
      TypeSerializer<K> keySerializer,
      TypeSerializer<?> namespaceSerializer,
      Map<String, Section> states,
      Map<String, Section> timers) {
    KeyGroupRange range = backend.getKeyGroupRange();
    DataOutputSerializer out = new DataOutputSerializer(256);
    out.writeInt(backend.getMaxParallelism());
    out.writeInt(range.start());
    out.writeInt(range.end());
    out.writeString(keySerializer.getClass().getName());
    out.writeString(namespaceSerializer == null ? "" : namespaceSerializer.getClass().getName());
    out.writeInt(states.size());
    for (Section state : states.values()) {
      try {
        state.meta().write(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    out.writeInt(timers.size());
    for (String name : timers.keySet()) {
      out.writeString(name);
    }
    return out.getCopyOfBuffer();
  }

  private static void put(Map<String, Section> sections, String name, Section section) {
    if (sections.put(name, section) != null) {
      throw new IllegalStateException(
          "Two states or timer queues are named '" + name + "': cannot snapshot both.");
    }
  }

  /**
   * Writes the snapshot file (see {@link KeyedStateSnapshotFormat}); any thread, but one at a time.
   * Serializes what {@link #take} only froze, and then releases the snapshot's version, so the task
   * thread stops copying for it; later calls write the same bytes again.
   *
   * @throws IOException also if the snapshot was released before it was serialized
   */
  @Override
  public synchronized void writeTo(OutputStream stream) throws IOException {
    if (blocks == null) {
      if (sections == null) {
        throw new IOException("The keyed state snapshot was released before it was written");
      }
      try {
        blocks = serializeBlocks();
      } finally {
        release();
      }
    }
    int indexBytes = blocks.length * KeyedStateSnapshotFormat.INDEX_ENTRY_BYTES;
    ByteBuffer prefix =
        ByteBuffer.allocate(KeyedStateSnapshotFormat.PREFIX_BYTES + header.length + indexBytes);
    prefix.putInt(KeyedStateSnapshotFormat.MAGIC);
    prefix.putInt(KeyedStateSnapshotFormat.VERSION);
    prefix.putInt(header.length);
    prefix.put(header);
    long offset = prefix.capacity();
    CRC32 crc = new CRC32();
    for (byte[] block : blocks) {
      crc.reset();
      crc.update(block);
      prefix.putLong(offset);
      prefix.putInt(block.length);
      prefix.putInt((int) crc.getValue());
      offset += block.length;
    }
    stream.write(prefix.array());
    for (byte[] block : blocks) {
      stream.write(block);
    }
  }

  /**
   * Releases the snapshot's version and the frozen slots: the task thread no longer copies stored
   * objects for it. Called by {@link #writeTo} once it serialized them, or by whoever abandons the
   * snapshot unwritten (which then can no longer be written); a snapshot that becomes unreachable
   * unreleased is released when it is garbage collected. Idempotent; any thread.
   */
  @Override
  public synchronized void release() {
    if (sections != null) {
      sections = null;
      releaseVersion.clean();
    }
  }

  private byte[][] serializeBlocks() throws IOException {
    byte[][] result = new byte[numKeyGroups][];
    DataOutputSerializer out = new DataOutputSerializer(4096);
    for (int g = 0; g < numKeyGroups; g++) {
      out.clear();
      for (Section section : sections) {
        int lengthPosition = out.position();
        out.writeInt(0);
        section.write(g, out);
        int end = out.position();
        out.setPosition(lengthPosition);
        out.writeInt(end - lengthPosition - 4);
        out.setPosition(end);
      }
      result[g] = out.getCopyOfBuffer();
    }
    return result;
  }

  /** The section of one state or timer queue, key group by key group. */
  private interface Section {
    /** The meta info of a state (null for timer queues). */
    SnapshotStateMetaInfo meta();

    void write(int keyGroupIndex, DataOutputSerializer out) throws IOException;
  }

  /** Sections already serialized (null: empty): restored ones nobody claimed. */
  private record SerializedSection(SnapshotStateMetaInfo meta, byte[][] sections)
      implements Section {
    @Override
    public void write(int keyGroupIndex, DataOutputSerializer out) {
      byte[] section = sections[keyGroupIndex];
      out.write(section == null ? KeyedStateSnapshotFormat.EMPTY_SECTION : section);
    }
  }

  /** The slots of a state's key groups, copied; serialized when written. */
  private record FrozenStateSection<K>(
      SnapshotStateMetaInfo meta,
      StateMap.Frozen[] maps,
      StoredValueCodec codec,
      boolean ttl,
      Writer<K> writer)
      implements Section {

    @Override
    @SuppressWarnings("unchecked")
    public void write(int keyGroupIndex, DataOutputSerializer out) throws IOException {
      StateMap.Frozen map = maps[keyGroupIndex];
      out.writeVarInt(map.size());
      Object[] keys = map.keys();
      Object[] values = map.values();
      for (int slot = 0; slot < keys.length; slot++) {
        Object stored = values[slot];
        if (stored == null) {
          continue;
        }
        if (keys[slot] instanceof NamespacedKey namespaced) {
          writer.writeKeyAndNamespace(
              (K) namespaced.key(), namespaced.namespace(), meta.name(), out);
        } else {
          writer.writeKeyAndNamespace((K) keys[slot], null, meta.name(), out);
        }
        codec.write(stored, ttl, out);
      }
    }
  }

  /** The timers of a queue's key groups, copied; serialized when written. */
  private record FrozenTimerSection<K>(List<Collection<InternalTimer<K>>> timers, Writer<K> writer)
      implements Section {
    @Override
    public SnapshotStateMetaInfo meta() {
      return null;
    }

    @Override
    public void write(int keyGroupIndex, DataOutputSerializer out) throws IOException {
      Collection<InternalTimer<K>> ofKeyGroup = timers.get(keyGroupIndex);
      out.writeVarInt(ofKeyGroup.size());
      for (InternalTimer<K> timer : ofKeyGroup) {
        out.writeLong(timer.getTimestamp());
        writer.writeKeyAndNamespace(timer.getKey(), timer.getNamespace(), "timers", out);
      }
    }
  }

  /** Serializes keys and namespaces; one per thread. */
  private record Writer<K>(TypeSerializer<K> keySerializer, TypeSerializer<?> namespaceSerializer) {
    @SuppressWarnings("unchecked")
    void writeKeyAndNamespace(K key, Object namespace, String owner, DataOutputSerializer out)
        throws IOException {
      keySerializer.serialize(key, out);
      out.writeBoolean(namespace != null);
      if (namespace != null) {
        if (namespaceSerializer == null) {
          throw new IllegalStateException(
              "'"
                  + owner
                  + "' has entries in namespace "
                  + namespace
                  + " but no namespace serializer was given");
        }
        ((TypeSerializer<Object>) namespaceSerializer).serialize(namespace, out);
      }
    }
  }
}
