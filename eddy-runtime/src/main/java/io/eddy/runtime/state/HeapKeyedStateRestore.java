package io.eddy.runtime.state;

import io.eddy.api.common.state.StateDescriptor;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.memory.DataInputDeserializer;
import io.eddy.runtime.operators.timers.KeyGroupedTimerQueue;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Loads a keyed state snapshot file (see {@link KeyedStateSnapshotFormat}) into a {@link
 * HeapKeyedStateBackend}, reading only the key groups that both the file and the backend's range
 * contain. To rescale, restore every snapshot whose range overlaps the backend's range: each key
 * group is then loaded exactly once. Task thread only (it writes the backend's state).
 */
public final class HeapKeyedStateRestore<K> {
  private final HeapKeyedStateBackend<K> backend;
  private final TypeSerializer<K> keySerializer;
  private final TypeSerializer<Object> namespaceSerializer;
  private final Map<String, StateDescriptor<?, ?>> descriptors = new HashMap<>();
  private final Map<String, KeyGroupedTimerQueue<K>> timerQueues;

  /**
   * @param descriptors the descriptors of the states to restore; every state in a snapshot must
   *     have one of the same name and kind (they give the serializers and functions)
   * @param namespaceSerializer as given to {@link HeapKeyedStateSnapshot#take}
   */
  public HeapKeyedStateRestore(
      HeapKeyedStateBackend<K> backend,
      TypeSerializer<K> keySerializer,
      TypeSerializer<?> namespaceSerializer,
      Collection<? extends StateDescriptor<?, ?>> descriptors) {
    this(backend, Map.of(), keySerializer, namespaceSerializer, descriptors);
  }

  /**
   * Also restores timers: every timer queue in a snapshot must have a queue of the same name in
   * {@code timerQueues} (key group indexes relative to the backend's range). Timers are only added
   * to the queues; scheduling the earliest processing-time timer is up to the caller.
   */
  @SuppressWarnings("unchecked")
  public HeapKeyedStateRestore(
      HeapKeyedStateBackend<K> backend,
      Map<String, KeyGroupedTimerQueue<K>> timerQueues,
      TypeSerializer<K> keySerializer,
      TypeSerializer<?> namespaceSerializer,
      Collection<? extends StateDescriptor<?, ?>> descriptors) {
    this.backend = backend;
    this.timerQueues = Map.copyOf(timerQueues);
    this.keySerializer = keySerializer;
    this.namespaceSerializer = (TypeSerializer<Object>) namespaceSerializer;
    for (StateDescriptor<?, ?> d : descriptors) {
      this.descriptors.put(d.getName(), d);
    }
  }

  /**
   * Loads the entries of the key groups of {@code file} that the backend owns; returns how many key
   * groups were loaded. Throws an {@link IOException} naming the file if it is not a readable
   * snapshot or does not match the backend and descriptors; the backend may then hold part of the
   * snapshot and must be discarded.
   */
  public int restore(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return restore(channel);
    } catch (IOException | RuntimeException e) {
      String reason = e.getMessage() == null ? e.toString() : e.getMessage();
      throw new IOException("Cannot restore keyed state from " + file + ": " + reason, e);
    }
  }

  private int restore(FileChannel channel) throws IOException {
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
    if (maxParallelism != backend.getMaxParallelism()) {
      throw new IOException(
          "snapshot max parallelism "
              + maxParallelism
              + " differs from the backend's "
              + backend.getMaxParallelism());
    }
    KeyGroupRange range = new KeyGroupRange(header.readInt(), header.readInt());
    checkSerializer("key", header.readString(), keySerializer);
    String namespaceClass = header.readString();
    if (!namespaceClass.isEmpty()) {
      checkSerializer("namespace", namespaceClass, namespaceSerializer);
    }
    List<TargetState> states = readStates(header);
    List<KeyGroupedTimerQueue<K>> queues = readTimerQueues(header);
    ByteBuffer index =
        readFully(
            channel,
            KeyedStateSnapshotFormat.PREFIX_BYTES + (long) headerLength,
            range.size() * KeyedStateSnapshotFormat.INDEX_ENTRY_BYTES);
    KeyGroupRange own = backend.getKeyGroupRange();
    int loaded = 0;
    for (int g = Math.max(range.start(), own.start()); g <= Math.min(range.end(), own.end()); g++) {
      int entry = (g - range.start()) * KeyedStateSnapshotFormat.INDEX_ENTRY_BYTES;
      long offset = index.getLong(entry);
      int length = index.getInt(entry + 8);
      int crc = index.getInt(entry + 12);
      byte[] block = readFully(channel, offset, length).array();
      CRC32 actual = new CRC32();
      actual.update(block);
      if ((int) actual.getValue() != crc) {
        throw new IOException("checksum mismatch in key group " + g);
      }
      readKeyGroup(g, new DataInputDeserializer(block), states, queues);
      loaded++;
    }
    return loaded;
  }

  private List<TargetState> readStates(DataInputDeserializer header) throws IOException {
    int count = header.readInt();
    List<TargetState> states = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      SnapshotStateMetaInfo meta = SnapshotStateMetaInfo.read(header);
      StateDescriptor<?, ?> descriptor = descriptors.get(meta.name());
      if (descriptor == null) {
        throw new IOException("no descriptor given for state '" + meta.name() + "'");
      }
      if (descriptor.getType() != meta.kind()) {
        throw new IOException(
            "state '"
                + meta.name()
                + "' is "
                + meta.kind()
                + " in the snapshot but "
                + descriptor.getType()
                + " in its descriptor");
      }
      StoredValueCodec codec = new StoredValueCodec(descriptor);
      SnapshotStateMetaInfo expected = codec.metaInfo(meta.name(), meta.ttl());
      if (!expected.equals(meta)) {
        throw new IOException(
            "state '"
                + meta.name()
                + "' was written with serializers "
                + meta
                + ", not "
                + expected);
      }
      backend.getOrCreateKeyedState(descriptor);
      states.add(new TargetState(backend.registeredState(meta.name()), codec, meta.ttl()));
    }
    return states;
  }

  private List<KeyGroupedTimerQueue<K>> readTimerQueues(DataInputDeserializer header)
      throws IOException {
    int count = header.readInt();
    List<KeyGroupedTimerQueue<K>> queues = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String name = header.readString();
      KeyGroupedTimerQueue<K> queue = timerQueues.get(name);
      if (queue == null) {
        throw new IOException("no timer queue given for the snapshot's timers '" + name + "'");
      }
      queues.add(queue);
    }
    return queues;
  }

  @SuppressWarnings("unchecked")
  private void readKeyGroup(
      int keyGroup,
      DataInputDeserializer in,
      List<TargetState> states,
      List<KeyGroupedTimerQueue<K>> queues)
      throws IOException {
    int keyGroupIndex = keyGroup - backend.getKeyGroupRange().start();
    for (TargetState target : states) {
      AbstractHeapState<?, ?> state = target.state();
      StateMap<Object, Object> map = (StateMap<Object, Object>) state.table.map(keyGroupIndex);
      boolean targetTtl = state.ttl != null;
      long now = targetTtl ? state.ttl.now() : 0;
      int entries = in.readVarInt();
      for (int i = 0; i < entries; i++) {
        K key = readKey(in, keyGroup);
        Object namespace = readNamespace(in);
        int hash = key.hashCode();
        Object mapKey = key;
        if (namespace != null) {
          mapKey = new NamespacedKey(key, namespace);
          hash = 31 * hash + namespace.hashCode();
        }
        map.put(mapKey, hash, target.codec().read(in, target.sourceTtl(), targetTtl, now));
      }
    }
    for (KeyGroupedTimerQueue<K> queue : queues) {
      int timers = in.readVarInt();
      for (int i = 0; i < timers; i++) {
        long timestamp = in.readLong();
        K key = readKey(in, keyGroup);
        queue.add(timestamp, key, readNamespace(in), keyGroupIndex);
      }
    }
  }

  private K readKey(DataInputDeserializer in, int keyGroup) throws IOException {
    K key = keySerializer.deserialize(in);
    if (KeyGroupRangeAssignment.assignToKeyGroup(key, backend.getMaxParallelism()) != keyGroup) {
      throw new IOException(
          "key " + key + " is not in key group " + keyGroup + ": its hashCode() changed");
    }
    return key;
  }

  private Object readNamespace(DataInputDeserializer in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    if (namespaceSerializer == null) {
      throw new IOException("entries have namespaces but no namespace serializer was given");
    }
    return namespaceSerializer.deserialize(in);
  }

  private static void checkSerializer(String what, String recorded, TypeSerializer<?> given)
      throws IOException {
    String actual = given == null ? "none" : given.getClass().getName();
    if (!recorded.equals(actual)) {
      throw new IOException(
          "the snapshot's " + what + " serializer is " + recorded + ", not " + actual);
    }
  }

  private static ByteBuffer readFully(FileChannel channel, long position, int length)
      throws IOException {
    if (length < 0 || position < 0) {
      throw new IOException("corrupt index (offset " + position + ", length " + length + ")");
    }
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new EOFException("truncated: expected " + length + " bytes at offset " + position);
      }
    }
    return buffer.flip();
  }

  /** A state of the backend being restored and how the snapshot wrote it. */
  private record TargetState(
      AbstractHeapState<?, ?> state, StoredValueCodec codec, boolean sourceTtl) {}
}
