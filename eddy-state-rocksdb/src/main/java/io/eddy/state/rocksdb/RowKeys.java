package io.eddy.state.rocksdb;

import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.memory.DataOutputSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The RocksDB keys of one backend's rows, laid out so that a key group is a contiguous range and
 * every (key, namespace) a contiguous prefix:
 *
 * <pre>
 * row       := keyGroup:2 bytes (big-endian, unsigned) keyLength:varint key namespace [userKey]
 * namespace := 0x00 (none) | 0x01 namespaceLength:varint namespace
 * </pre>
 *
 * {@code key} and {@code namespace} are the bytes of the job's key serializer and of the canonical
 * namespace serializer, which the snapshot format uses too, so a full snapshot copies them as they
 * are; {@code userKey} (map state only) is the map key serializer's bytes. The length prefixes make
 * every prefix unambiguous whatever the serializers write. Task thread only (one per backend; the
 * snapshot writer parses rows with the static methods).
 */
final class RowKeys<K> {
  private final TypeSerializer<K> keySerializer;
  private final TypeSerializer<Object> namespaceSerializer;
  private final DataOutputSerializer scratch = new DataOutputSerializer(64);
  private final DataOutputSerializer row = new DataOutputSerializer(64);
  private byte[] keyPrefix = new byte[0];

  /** The row key of the current key without a namespace, the most used: made once per key. */
  private byte[] keyRow = new byte[0];

  private Object cachedNamespace;
  private byte[] cachedNamespaceBytes;

  RowKeys(TypeSerializer<K> keySerializer, TypeSerializer<Object> namespaceSerializer) {
    this.keySerializer = keySerializer;
    this.namespaceSerializer = namespaceSerializer;
  }

  /** Makes {@code key} in {@code keyGroup} the key of the next rows. */
  void setKey(K key, int keyGroup) {
    scratch.clear();
    try {
      keySerializer.serialize(key, scratch);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serialize key " + key, e);
    }
    row.clear();
    row.writeShort(keyGroup);
    row.writeVarInt(scratch.length());
    row.write(scratch.getSharedBuffer(), 0, scratch.length());
    keyPrefix = row.getCopyOfBuffer();
    row.writeByte(0);
    keyRow = row.getCopyOfBuffer();
  }

  /**
   * The row key of the current key in {@code namespace} (null: none). Callers must not change the
   * array: without a namespace it is the same one until the key changes.
   */
  byte[] row(Object namespace) {
    return namespace == null ? keyRow : row(namespace, null, 0);
  }

  /** The row key of map entry {@code userKey} (serialized) of the current key in the namespace. */
  byte[] row(Object namespace, byte[] userKey, int userKeyLength) {
    row.clear();
    row.write(keyPrefix, 0, keyPrefix.length);
    writeNamespace(namespace);
    if (userKey != null) {
      row.write(userKey, 0, userKeyLength);
    }
    return row.getCopyOfBuffer();
  }

  private void writeNamespace(Object namespace) {
    if (namespace == null) {
      row.writeByte(0);
      return;
    }
    if (namespace != cachedNamespace) {
      scratch.clear();
      try {
        namespaceSerializer.serialize(namespace, scratch);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot serialize namespace " + namespace, e);
      }
      cachedNamespaceBytes = scratch.getCopyOfBuffer();
      cachedNamespace = namespace;
    }
    row.writeByte(1);
    row.writeVarInt(cachedNamespaceBytes.length);
    row.write(cachedNamespaceBytes);
  }

  // ---------------------------------------------------------------- parsing rows (any thread)

  /** The first row key of key group {@code keyGroup}. */
  static byte[] keyGroupStart(int keyGroup) {
    return new byte[] {(byte) (keyGroup >>> 8), (byte) keyGroup};
  }

  /** Where the parts of a row key are. */
  record Parsed(
      int keyGroup, int keyStart, int keyEnd, int namespaceStart, int namespaceEnd, int end) {
    boolean hasNamespace() {
      return namespaceStart >= 0;
    }

    /** Where the user key of a map row starts (the end of the (key, namespace) prefix). */
    int prefixEnd() {
      return hasNamespace() ? namespaceEnd : keyEnd + 1;
    }

    byte[] key(byte[] row) {
      return Arrays.copyOfRange(row, keyStart, keyEnd);
    }

    byte[] namespace(byte[] row) {
      return hasNamespace() ? Arrays.copyOfRange(row, namespaceStart, namespaceEnd) : null;
    }
  }

  static Parsed parse(byte[] row) {
    int keyGroup = ((row[0] & 0xFF) << 8) | (row[1] & 0xFF);
    int[] position = {2};
    int keyLength = readVarInt(row, position);
    int keyStart = position[0];
    int keyEnd = keyStart + keyLength;
    if (row[keyEnd] == 0) {
      return new Parsed(keyGroup, keyStart, keyEnd, -1, -1, row.length);
    }
    position[0] = keyEnd + 1;
    int namespaceLength = readVarInt(row, position);
    return new Parsed(
        keyGroup, keyStart, keyEnd, position[0], position[0] + namespaceLength, row.length);
  }

  /** Whether {@code row} starts with the {@code length} bytes of {@code prefix}. */
  static boolean startsWith(byte[] row, byte[] prefix, int length) {
    return row.length >= length && Arrays.equals(row, 0, length, prefix, 0, length);
  }

  /** The smallest key greater than every key starting with {@code prefix}, or null if none. */
  static byte[] prefixEnd(byte[] prefix) {
    byte[] end = prefix.clone();
    for (int i = end.length - 1; i >= 0; i--) {
      if (end[i] != (byte) 0xFF) {
        end[i]++;
        return Arrays.copyOf(end, i + 1);
      }
    }
    return null;
  }

  /** Reads an unsigned varint as {@code DataOutputView.writeVarInt} writes it. */
  static int readVarInt(byte[] bytes, int[] position) {
    int result = 0;
    int shift = 0;
    while (true) {
      byte b = bytes[position[0]++];
      result |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
      shift += 7;
    }
  }
}
