package io.eddy.core.internal.types;

import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.types.serializers.MapSerializer;
import java.util.Map;
import java.util.Objects;

/** {@link Map}s with keys and values of one type each; read back as {@code LinkedHashMap}. */
public final class MapTypeInfo<K, V> extends TypeInformation<Map<K, V>> {
  private static final long serialVersionUID = 1L;

  private final TypeInformation<K> keyType;
  private final TypeInformation<V> valueType;

  public MapTypeInfo(TypeInformation<K> keyType, TypeInformation<V> valueType) {
    this.keyType = Objects.requireNonNull(keyType);
    this.valueType = Objects.requireNonNull(valueType);
  }

  public TypeInformation<K> getKeyType() {
    return keyType;
  }

  public TypeInformation<V> getValueType() {
    return valueType;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Class<Map<K, V>> getTypeClass() {
    return (Class) Map.class;
  }

  @Override
  public TypeSerializer<Map<K, V>> createSerializer() {
    return new MapSerializer<>(keyType.createSerializer(), valueType.createSerializer());
  }

  @Override
  public boolean isKnown() {
    return keyType.isKnown() && valueType.isKnown();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MapTypeInfo<?, ?> other
        && other.keyType.equals(keyType)
        && other.valueType.equals(valueType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(MapTypeInfo.class, keyType, valueType);
  }

  @Override
  public String toString() {
    return "Map<" + keyType + ", " + valueType + ">";
  }
}
