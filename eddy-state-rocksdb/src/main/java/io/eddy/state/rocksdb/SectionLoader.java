package io.eddy.state.rocksdb;

import io.eddy.api.common.state.StateDescriptor;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.memory.DataInputDeserializer;
import io.eddy.core.internal.memory.DataOutputSerializer;
import io.eddy.runtime.keygroup.KeyGroupRangeAssignment;
import io.eddy.runtime.state.timers.KeyGroupedTimerQueue;
import java.io.IOException;
import java.util.Arrays;

/**
 * Decodes the sections of a canonical snapshot into rows of this backend ({@link RowKeys}, {@link
 * Elements}) and timers into a heap timer queue. The values' serializers only find where each part
 * ends; the bytes are copied, with TTL timestamps added or dropped when the restoring state's TTL
 * differs from the snapshot's. Checks that every key still hashes to the key group it was written
 * in. Task thread only.
 */
final class SectionLoader<K> {
  /** Receives the rows of a state section. */
  interface RowSink {
    void put(byte[] row, byte[] value) throws IOException;
  }

  private final TypeSerializer<K> keySerializer;
  private final TypeSerializer<Object> namespaceSerializer;
  private final int maxParallelism;
  private final int rangeStart;
  private final DataInputDeserializer in = new DataInputDeserializer();
  private final DataOutputSerializer row = new DataOutputSerializer(64);
  private final DataOutputSerializer value = new DataOutputSerializer(64);
  private byte[] section;

  SectionLoader(
      TypeSerializer<K> keySerializer,
      TypeSerializer<Object> namespaceSerializer,
      int maxParallelism,
      int rangeStart) {
    this.keySerializer = keySerializer;
    this.namespaceSerializer = namespaceSerializer;
    this.maxParallelism = maxParallelism;
    this.rangeStart = rangeStart;
  }

  /**
   * Writes the entries of one state section of {@code keyGroup} to {@code sink}.
   *
   * @param valueSerializer the state's value (or list element, or map value) serializer
   * @param mapKeySerializer the map key serializer of a map state, else null
   * @param sourceTtl whether the snapshot's elements carry timestamps
   * @param targetTtl whether the state's rows carry them; missing ones become {@code now}
   */
  void loadState(
      byte[] bytes,
      int keyGroup,
      StateDescriptor.Type kind,
      TypeSerializer<?> valueSerializer,
      TypeSerializer<?> mapKeySerializer,
      boolean sourceTtl,
      boolean targetTtl,
      long now,
      RowSink sink)
      throws IOException {
    section = bytes;
    in.setBuffer(bytes, 0, bytes.length);
    int entries = in.readVarInt();
    for (int i = 0; i < entries; i++) {
      readKeyAndNamespace(keyGroup);
      value.clear();
      switch (kind) {
        case VALUE, REDUCING, AGGREGATING -> {
          copyElement(valueSerializer, sourceTtl, targetTtl, now, value);
          sink.put(row.getCopyOfBuffer(), value.getCopyOfBuffer());
        }
        case LIST -> {
          int size = in.readVarInt();
          DataOutputSerializer element = new DataOutputSerializer(32);
          for (int e = 0; e < size; e++) {
            element.clear();
            copyElement(valueSerializer, sourceTtl, targetTtl, now, element);
            value.writeVarInt(element.length());
            value.write(element.getSharedBuffer(), 0, element.length());
          }
          if (size > 0) {
            sink.put(row.getCopyOfBuffer(), value.getCopyOfBuffer());
          }
        }
        case MAP -> {
          int size = in.readVarInt();
          int prefixLength = row.length();
          for (int e = 0; e < size; e++) {
            row.setPosition(prefixLength);
            int start = in.getPosition();
            mapKeySerializer.deserialize(in);
            row.write(section, start, in.getPosition() - start);
            value.clear();
            copyElement(valueSerializer, sourceTtl, targetTtl, now, value);
            sink.put(row.getCopyOfBuffer(), value.getCopyOfBuffer());
          }
        }
      }
    }
  }

  /** Adds the timers of one timer section of {@code keyGroup} to {@code queue}. */
  void loadTimers(byte[] bytes, int keyGroup, KeyGroupedTimerQueue<K> queue) throws IOException {
    in.setBuffer(bytes, 0, bytes.length);
    int timers = in.readVarInt();
    for (int i = 0; i < timers; i++) {
      long timestamp = in.readLong();
      K key = readKey(keyGroup);
      Object namespace = in.readBoolean() ? namespaceSerializer.deserialize(in) : null;
      queue.add(timestamp, key, namespace, keyGroup - rangeStart);
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

  /** Reads an entry's key and namespace into {@link #row}, as a row key of this backend. */
  private void readKeyAndNamespace(int keyGroup) throws IOException {
    int keyStart = in.getPosition();
    readKey(keyGroup);
    int keyEnd = in.getPosition();
    row.clear();
    row.writeShort(keyGroup);
    row.writeVarInt(keyEnd - keyStart);
    row.write(section, keyStart, keyEnd - keyStart);
    if (!in.readBoolean()) {
      row.writeByte(0);
      return;
    }
    int namespaceStart = in.getPosition();
    namespaceSerializer.deserialize(in);
    int namespaceEnd = in.getPosition();
    row.writeByte(1);
    row.writeVarInt(namespaceEnd - namespaceStart);
    row.write(section, namespaceStart, namespaceEnd - namespaceStart);
  }

  private void copyElement(
      TypeSerializer<?> serializer,
      boolean sourceTtl,
      boolean targetTtl,
      long now,
      DataOutputSerializer target)
      throws IOException {
    long timestamp = sourceTtl ? in.readLong() : now;
    if (targetTtl) {
      target.writeLong(timestamp);
    }
    boolean isNull = in.readBoolean();
    target.writeBoolean(isNull);
    if (!isNull) {
      int start = in.getPosition();
      serializer.deserialize(in);
      target.write(section, start, in.getPosition() - start);
    }
  }

  static byte[] copy(byte[] bytes, int from, int to) {
    return Arrays.copyOfRange(bytes, from, to);
  }
}
