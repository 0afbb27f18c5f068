package io.eddy.runtime.state;

import io.eddy.api.common.state.StateDescriptor;
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
 * A consistent copy of the user states of a {@link HeapKeyedStateBackend}, already serialized key
 * group by key group in the format of {@link KeyedStateSnapshotFormat}, ready to be written to a
 * file by any thread.
 *
 * <p>{@link #take} runs on the task thread and serializes every key group there, so the state may
 * change as soon as it returns. This makes the synchronous part proportional to the state size; the
 * next step is copy-on-write state maps, so that the task thread only marks a version and the
 * serialization runs asynchronously.
 *
 * <p>Internal value states ({@link HeapKeyedStateBackend#getValueState}) have no serializer and are
 * not supported yet: a backend holding one cannot be snapshotted.
 */
public final class HeapKeyedStateSnapshot {
  private final byte[] header;
  private final byte[][] blocks;

  private HeapKeyedStateSnapshot(byte[] header, byte[][] blocks) {
    this.header = header;
    this.blocks = blocks;
  }

  /**
   * Serializes all user states of {@code backend}. Task thread only.
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
   * Serializes all user states of {@code backend} and the timers of {@code timerQueues} (by name,
   * for example "event-time" and "processing-time"; their key group indexes must be relative to the
   * backend's range). Task thread only.
   */
  @SuppressWarnings("unchecked")
  public static <K> HeapKeyedStateSnapshot take(
      HeapKeyedStateBackend<K> backend,
      Map<String, KeyGroupedTimerQueue<K>> timerQueues,
      TypeSerializer<K> keySerializer,
      TypeSerializer<?> namespaceSerializer) {
    if (!backend.internalValueStateNames().isEmpty()) {
      throw new IllegalStateException(
          "Cannot snapshot internal value states "
              + backend.internalValueStateNames()
              + ": they have no serializer yet.");
    }
    KeyGroupRange range = backend.getKeyGroupRange();
    Map<String, StateDescriptor<?, ?>> descriptors = backend.registeredDescriptors();
    List<AbstractHeapState<K, ?>> states = new ArrayList<>();
    List<StoredValueCodec> codecs = new ArrayList<>();
    DataOutputSerializer out = new DataOutputSerializer(256);
    try {
      out.writeInt(backend.getMaxParallelism());
      out.writeInt(range.start());
      out.writeInt(range.end());
      out.writeString(keySerializer.getClass().getName());
      out.writeString(namespaceSerializer == null ? "" : namespaceSerializer.getClass().getName());
      out.writeInt(descriptors.size());
      for (Map.Entry<String, StateDescriptor<?, ?>> e : descriptors.entrySet()) {
        AbstractHeapState<K, ?> state = backend.registeredState(e.getKey());
        StoredValueCodec codec = new StoredValueCodec(e.getValue());
        codec.metaInfo(e.getKey(), state.ttl != null).write(out);
        states.add(state);
        codecs.add(codec);
      }
      Map<String, KeyGroupedTimerQueue<K>> sortedQueues = new TreeMap<>(timerQueues);
      out.writeInt(sortedQueues.size());
      for (String name : sortedQueues.keySet()) {
        out.writeString(name);
      }
      byte[] header = out.getCopyOfBuffer();
      byte[][] blocks = new byte[range.size()][];
      KeyGroupWriter<K> writer =
          new KeyGroupWriter<>(
              keySerializer,
              (TypeSerializer<Object>) namespaceSerializer,
              states,
              codecs,
              List.copyOf(sortedQueues.values()));
      for (int g = 0; g < range.size(); g++) {
        out.clear();
        writer.write(g, out);
        blocks[g] = out.getCopyOfBuffer();
      }
      return new HeapKeyedStateSnapshot(header, blocks);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not serialize keyed state", e);
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

  /** Serializes the entries of one key group of all states. */
  private record KeyGroupWriter<K>(
      TypeSerializer<K> keySerializer,
      TypeSerializer<Object> namespaceSerializer,
      List<AbstractHeapState<K, ?>> states,
      List<StoredValueCodec> codecs,
      List<KeyGroupedTimerQueue<K>> timerQueues) {

    @SuppressWarnings("unchecked")
    void write(int keyGroupIndex, DataOutputSerializer out) throws IOException {
      for (int s = 0; s < states.size(); s++) {
        AbstractHeapState<K, ?> state = states.get(s);
        StateMap<Object, ?> map = state.table.map(keyGroupIndex);
        out.writeVarInt(map.size());
        for (int slot = 0; slot < map.capacity(); slot++) {
          Object stored = map.valueAt(slot);
          if (stored == null) {
            continue;
          }
          Object key = map.keyAt(slot);
          if (key instanceof NamespacedKey namespaced) {
            writeKeyAndNamespace((K) namespaced.key(), namespaced.namespace(), state.name, out);
          } else {
            writeKeyAndNamespace((K) key, null, state.name, out);
          }
          codecs.get(s).write(stored, state.ttl != null, out);
        }
      }
      for (KeyGroupedTimerQueue<K> queue : timerQueues) {
        Collection<InternalTimer<K>> timers = queue.timersOfKeyGroup(keyGroupIndex);
        out.writeVarInt(timers.size());
        for (InternalTimer<K> timer : timers) {
          out.writeLong(timer.getTimestamp());
          writeKeyAndNamespace(timer.getKey(), timer.getNamespace(), "timers", out);
        }
      }
    }

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
        namespaceSerializer.serialize(namespace, out);
      }
    }
  }
}
