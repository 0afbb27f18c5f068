package io.eddy.runtime.state.heap;

import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.memory.DataInputDeserializer;
import io.eddy.runtime.keygroup.KeyGroupRangeAssignment;
import io.eddy.runtime.state.KeyedStateSnapshotFormat;
import io.eddy.runtime.state.timers.KeyGroupedTimerQueue;
import java.io.IOException;

/**
 * Decodes the sections of a keyed state snapshot (see {@link KeyedStateSnapshotFormat}) into the
 * state tables and timer queues of a backend whose range starts at {@code rangeStart}. Checks that
 * every key still hashes to the key group it was written in. Task thread only.
 */
final class KeyGroupSectionReader<K> {
  private final TypeSerializer<K> keySerializer;
  private final TypeSerializer<Object> namespaceSerializer;
  private final int maxParallelism;
  private final int rangeStart;
  private final DataInputDeserializer in = new DataInputDeserializer();

  @SuppressWarnings("unchecked")
  KeyGroupSectionReader(
      TypeSerializer<K> keySerializer,
      TypeSerializer<?> namespaceSerializer,
      int maxParallelism,
      int rangeStart) {
    this.keySerializer = keySerializer;
    this.namespaceSerializer = (TypeSerializer<Object>) namespaceSerializer;
    this.maxParallelism = maxParallelism;
    this.rangeStart = rangeStart;
  }

  /**
   * Puts the entries of one state section of key group {@code keyGroup} into {@code table}.
   *
   * @param sourceTtl whether the snapshot wrote TTL timestamps
   * @param targetTtl the TTL of the state restored into, or null (entries then lose timestamps)
   */
  @SuppressWarnings("unchecked")
  void readState(
      byte[] section,
      int keyGroup,
      StateTable<?, ?> table,
      StoredValueCodec codec,
      boolean sourceTtl,
      TtlPolicy targetTtl)
      throws IOException {
    in.setBuffer(section, 0, section.length);
    StateMap<Object, Object> map = ((StateTable<Object, Object>) table).map(keyGroup - rangeStart);
    long now = targetTtl == null ? 0 : targetTtl.now();
    int entries = in.readVarInt();
    for (int i = 0; i < entries; i++) {
      K key = readKey(keyGroup);
      Object namespace = readNamespace();
      int hash = key.hashCode();
      Object mapKey = key;
      if (namespace != null) {
        mapKey = new NamespacedKey(key, namespace);
        hash = 31 * hash + namespace.hashCode();
      }
      map.put(mapKey, hash, codec.read(in, sourceTtl, targetTtl != null, now));
    }
  }

  /** Adds the timers of one timer section of key group {@code keyGroup} to {@code queue}. */
  void readTimers(byte[] section, int keyGroup, KeyGroupedTimerQueue<K> queue) throws IOException {
    in.setBuffer(section, 0, section.length);
    int timers = in.readVarInt();
    for (int i = 0; i < timers; i++) {
      long timestamp = in.readLong();
      K key = readKey(keyGroup);
      queue.add(timestamp, key, readNamespace(), keyGroup - rangeStart);
    }
  }

  private K readKey(int keyGroup) throws IOException {
    K key = keySerializer.deserialize(in);
    if (KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism) != keyGroup) {
      throw new IOException(
          "key " + key + " is not in key group " + keyGroup + ": its hashCode() changed");
    }
    return key;
  }

  private Object readNamespace() throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    if (namespaceSerializer == null) {
      throw new IOException("entries have namespaces but no namespace serializer was given");
    }
    return namespaceSerializer.deserialize(in);
  }
}
