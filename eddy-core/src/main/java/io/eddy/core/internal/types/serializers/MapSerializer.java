package io.eddy.core.internal.types.serializers;

import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import io.eddy.api.common.typeutils.TypeSerializer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Serializes non-null maps as a var-int size and the entries (keys and values may be null); reads
 * back a {@link LinkedHashMap} in the written iteration order.
 */
public final class MapSerializer<K, V> extends TypeSerializer<Map<K, V>> {
  private static final long serialVersionUID = 1L;

  private final TypeSerializer<K> keySerializer;
  private final TypeSerializer<V> valueSerializer;

  /** Maps whose keys and values the given serializers write. */
  public MapSerializer(TypeSerializer<K> keySerializer, TypeSerializer<V> valueSerializer) {
    this.keySerializer = keySerializer;
    this.valueSerializer = valueSerializer;
  }

  @Override
  public void serialize(Map<K, V> value, DataOutputView out) throws IOException {
    out.writeVarInt(value.size());
    for (Map.Entry<K, V> entry : value.entrySet()) {
      Nulls.write(keySerializer, entry.getKey(), out);
      Nulls.write(valueSerializer, entry.getValue(), out);
    }
  }

  @Override
  public Map<K, V> deserialize(DataInputView in) throws IOException {
    int size = in.readVarInt();
    Map<K, V> map = newMap(size);
    for (int i = 0; i < size; i++) {
      K key = Nulls.read(keySerializer, in);
      map.put(key, Nulls.read(valueSerializer, in));
    }
    return map;
  }

  @Override
  public Map<K, V> copy(Map<K, V> value) {
    Map<K, V> copy = newMap(value.size());
    for (Map.Entry<K, V> entry : value.entrySet()) {
      copy.put(
          Nulls.copy(keySerializer, entry.getKey()), Nulls.copy(valueSerializer, entry.getValue()));
    }
    return copy;
  }

  private static <K, V> Map<K, V> newMap(int size) {
    return new LinkedHashMap<>((int) (size / 0.75f) + 1);
  }

  @Override
  public TypeSerializer<Map<K, V>> duplicate() {
    TypeSerializer<K> keys = keySerializer.duplicate();
    TypeSerializer<V> values = valueSerializer.duplicate();
    return keys == keySerializer && values == valueSerializer
        ? this
        : new MapSerializer<>(keys, values);
  }
}
