package io.eddy.state.rocksdb;

import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.memory.DataInputDeserializer;
import io.eddy.core.internal.memory.DataOutputSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Encodes the elements a state stores (a value, a list element, a map value) as the snapshot format
 * does: {@code [timestamp:long, only with TTL] isNull:boolean [data]}, so a full snapshot copies
 * the bytes of a row as they are. A list row is a sequence of {@code elementLength:varint element},
 * so that appending is a RocksDB merge (string append without delimiter). Task thread only.
 */
final class Elements<V> {
  private final TypeSerializer<V> serializer;
  private final boolean ttl;
  private final DataOutputSerializer out = new DataOutputSerializer(64);
  private final DataInputDeserializer in = new DataInputDeserializer();

  /** The value and timestamp {@link #decode} read last. */
  private long timestamp;

  Elements(TypeSerializer<V> serializer, boolean ttl) {
    this.serializer = serializer;
    this.ttl = ttl;
  }

  TypeSerializer<V> serializer() {
    return serializer;
  }

  /** The bytes of element {@code value} written at {@code timestamp} (ignored without TTL). */
  byte[] encode(V value, long timestamp) {
    out.clear();
    write(value, timestamp, out);
    return out.getCopyOfBuffer();
  }

  /** The bytes of a list row of {@code values}, each written at {@code timestamp}. */
  byte[] encodeList(Iterable<? extends V> values, long timestamp) {
    DataOutputSerializer list = new DataOutputSerializer(64);
    for (V value : values) {
      out.clear();
      write(value, timestamp, out);
      list.writeVarInt(out.length());
      list.write(out.getSharedBuffer(), 0, out.length());
    }
    return list.getCopyOfBuffer();
  }

  private void write(V value, long timestamp, DataOutputSerializer target) {
    if (ttl) {
      target.writeLong(timestamp);
    }
    target.writeBoolean(value == null);
    if (value != null) {
      try {
        serializer.serialize(value, target);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot serialize state value " + value, e);
      }
    }
  }

  /** Decodes the element in {@code length} bytes of {@code bytes} at {@code offset}. */
  V decode(byte[] bytes, int offset, int length) {
    in.setBuffer(bytes, offset, length);
    try {
      timestamp = ttl ? in.readLong() : 0;
      return in.readBoolean() ? null : serializer.deserialize(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot deserialize a state value", e);
    }
  }

  V decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  /** The timestamp of the element {@link #decode} read last (0 without TTL). */
  long lastTimestamp() {
    return timestamp;
  }

  /** Calls {@code visitor} with the offset and length of every element of a list row. */
  static void forEachListElement(byte[] row, ElementVisitor visitor) {
    int[] position = {0};
    while (position[0] < row.length) {
      int length = RowKeys.readVarInt(row, position);
      visitor.visit(position[0], length);
      position[0] += length;
    }
  }

  /** Number of elements of a list row. */
  static int countListElements(byte[] row) {
    int[] count = {0};
    forEachListElement(row, (offset, length) -> count[0]++);
    return count[0];
  }

  @FunctionalInterface
  interface ElementVisitor {
    void visit(int offset, int length);
  }
}
