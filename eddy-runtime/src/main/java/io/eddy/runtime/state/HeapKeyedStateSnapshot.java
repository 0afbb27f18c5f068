package io.eddy.runtime.state;

import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.memory.DataOutputSerializer;
import io.eddy.runtime.operators.timers.InternalTimer;
import io.eddy.runtime.operators.timers.KeyGroupedTimerQueue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * A consistent copy of the keyed state of a {@link HeapKeyedStateBackend}, already serialized key
 * group by key group in the format of {@link KeyedStateSnapshotFormat}, ready to be written to a
 * file by any thread.
 *
 * <p>{@link #take} runs on the task thread and serializes every key group there, so the state may
 * change as soon as it returns: {@link #writeTo} reads only the byte arrays made here. This makes
 * the synchronous part proportional to the state size. Copy-on-write state maps would let the task
 * thread only freeze a version, but the heap states change stored objects in place (list appends,
 * map puts, TTL timestamps), so every such write would first have to copy the object of an older
 * version; that is the next step.
 *
 * <p>The snapshot holds the registered user states, the internal value states, the given timer
 * queues, and whatever the backend restored but nobody registered yet (copied as is).
 */
public final class HeapKeyedStateSnapshot {
  private final byte[] header;
  private final byte[][] blocks;

  private HeapKeyedStateSnapshot(byte[] header, byte[][] blocks) {
    this.header = header;
    this.blocks = blocks;
  }

  /**
   * Serializes all states of {@code backend}. Task thread only.
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
   * Serializes all states of {@code backend} and the timers of {@code timerQueues} (by name, for
   * example "event-time" and "processing-time"; their key group indexes must be relative to the
   * backend's range). Task thread only.
   */
  public static <K> HeapKeyedStateSnapshot take(
      HeapKeyedStateBackend<K> backend,
      Map<String, KeyGroupedTimerQueue<K>> timerQueues,
      TypeSerializer<K> keySerializer,
      TypeSerializer<?> namespaceSerializer) {
    Writer<K> writer = new Writer<>(keySerializer, namespaceSerializer);
    Map<String, Section> states = stateSections(backend, writer);
    Map<String, Section> timers = timerSections(backend, timerQueues, writer);
    KeyGroupRange range = backend.getKeyGroupRange();
    DataOutputSerializer out = new DataOutputSerializer(256);
    try {
      out.writeInt(backend.getMaxParallelism());
      out.writeInt(range.start());
      out.writeInt(range.end());
      out.writeString(keySerializer.getClass().getName());
      out.writeString(namespaceSerializer == null ? "" : namespaceSerializer.getClass().getName());
      out.writeInt(states.size());
      for (Section state : states.values()) {
        state.meta().write(out);
      }
      out.writeInt(timers.size());
      for (String name : timers.keySet()) {
        out.writeString(name);
      }
      byte[] header = out.getCopyOfBuffer();
      List<Section> sections = new ArrayList<>(states.values());
      sections.addAll(timers.values());
      byte[][] blocks = new byte[range.size()][];
      for (int g = 0; g < range.size(); g++) {
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
        blocks[g] = out.getCopyOfBuffer();
      }
      return new HeapKeyedStateSnapshot(header, blocks);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not serialize keyed state", e);
    }
  }

  /** The sections of every state, by name: registered, internal and restored-but-unclaimed. */
  private static <K> Map<String, Section> stateSections(
      HeapKeyedStateBackend<K> backend, Writer<K> writer) {
    Map<String, Section> sections = new TreeMap<>();
    backend
        .registeredDescriptors()
        .forEach(
            (name, descriptor) -> {
              AbstractHeapState<K, ?> state = backend.registeredState(name);
              StoredValueCodec codec = new StoredValueCodec(descriptor);
              boolean ttl = state.ttl != null;
              put(sections, name, writer.state(codec.metaInfo(name, ttl), state.table, codec, ttl));
            });
    for (HeapValueState<K, ?> state : backend.internalValueStates()) {
      if (state.serializer() == null) {
        throw new IllegalStateException(
            "Cannot snapshot internal value state '" + state.name() + "': it has no serializer.");
      }
      StoredValueCodec codec = new StoredValueCodec(state.serializer());
      put(
          sections,
          state.name(),
          writer.state(codec.metaInfo(state.name(), false), state.table, codec, false));
    }
    RestoredKeyGroups restored = backend.restoredKeyGroups();
    if (restored != null) {
      for (RestoredKeyGroups.Pending pending : restored.unclaimedStates()) {
        put(sections, pending.meta().name(), new CopiedSection(pending));
      }
    }
    return sections;
  }

  private static <K> Map<String, Section> timerSections(
      HeapKeyedStateBackend<K> backend,
      Map<String, KeyGroupedTimerQueue<K>> timerQueues,
      Writer<K> writer) {
    Map<String, Section> sections = new TreeMap<>();
    timerQueues.forEach((name, queue) -> put(sections, name, writer.timers(queue)));
    RestoredKeyGroups restored = backend.restoredKeyGroups();
    if (restored != null) {
      for (RestoredKeyGroups.Pending pending : restored.unclaimedTimers()) {
        put(sections, pending.meta().name(), new CopiedSection(pending));
      }
    }
    return sections;
  }

  private static void put(Map<String, Section> sections, String name, Section section) {
    if (sections.put(name, section) != null) {
      throw new IllegalStateException(
          "Two states or timer queues are named '" + name + "': cannot snapshot both.");
    }
  }

  /** Writes the snapshot file (see {@link KeyedStateSnapshotFormat}); any thread. */
  public void writeTo(OutputStream stream) throws IOException {
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

  /** The section of one state or timer queue, key group by key group. */
  private interface Section {
    /** The meta info of a state (unused for timer queues). */
    SnapshotStateMetaInfo meta();

    void write(int keyGroupIndex, DataOutputSerializer out) throws IOException;
  }

  /** A restored section nobody claimed: written as it was read. */
  private record CopiedSection(RestoredKeyGroups.Pending pending) implements Section {
    @Override
    public SnapshotStateMetaInfo meta() {
      return pending.meta();
    }

    @Override
    public void write(int keyGroupIndex, DataOutputSerializer out) {
      byte[] section = pending.sections()[keyGroupIndex];
      out.write(section == null ? KeyedStateSnapshotFormat.EMPTY_SECTION : section);
    }
  }

  /** Serializes live state entries and timers with the key and namespace serializers. */
  private record Writer<K>(TypeSerializer<K> keySerializer, TypeSerializer<?> namespaceSerializer) {

    Section state(
        SnapshotStateMetaInfo meta,
        StateTable<Object, ?> table,
        StoredValueCodec codec,
        boolean ttl) {
      return new Section() {
        @Override
        public SnapshotStateMetaInfo meta() {
          return meta;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void write(int keyGroupIndex, DataOutputSerializer out) throws IOException {
          StateMap<Object, ?> map = table.map(keyGroupIndex);
          out.writeVarInt(map.size());
          for (int slot = 0; slot < map.capacity(); slot++) {
            Object stored = map.valueAt(slot);
            if (stored == null) {
              continue;
            }
            Object key = map.keyAt(slot);
            if (key instanceof NamespacedKey namespaced) {
              writeKeyAndNamespace((K) namespaced.key(), namespaced.namespace(), meta.name(), out);
            } else {
              writeKeyAndNamespace((K) key, null, meta.name(), out);
            }
            codec.write(stored, ttl, out);
          }
        }
      };
    }

    Section timers(KeyGroupedTimerQueue<K> queue) {
      return new Section() {
        @Override
        public SnapshotStateMetaInfo meta() {
          return null;
        }

        @Override
        public void write(int keyGroupIndex, DataOutputSerializer out) throws IOException {
          Collection<InternalTimer<K>> timers = queue.timersOfKeyGroup(keyGroupIndex);
          out.writeVarInt(timers.size());
          for (InternalTimer<K> timer : timers) {
            out.writeLong(timer.getTimestamp());
            writeKeyAndNamespace(timer.getKey(), timer.getNamespace(), "timers", out);
          }
        }
      };
    }

    @SuppressWarnings("unchecked")
    private void writeKeyAndNamespace(
        K key, Object namespace, String owner, DataOutputSerializer out) throws IOException {
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
