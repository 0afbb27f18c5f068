package io.eddy.runtime.operators.windowing;

import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import io.eddy.api.common.typeutils.TypeSerializer;
import java.io.IOException;

/**
 * What a {@link WindowPreAggregateOperator} sends to its window: a value with the key it was
 * reduced under. The key travels with it because a reduced value need not give the same key as its
 * elements (a sum of numbers keyed by {@code n % 10} does not).
 */
public record PreAggregated<K, T>(K key, T value) {

  /** The key a pre-aggregated value's shuffle and window go by. */
  public static final class Key<K, T> implements KeySelector<PreAggregated<K, T>, K> {
    private static final long serialVersionUID = 1L;

    @Override
    public K getKey(PreAggregated<K, T> value) {
      return value.key();
    }
  }

  /** The type of pre-aggregated values of a key type and a value type. */
  public static final class Type<K, T> extends TypeInformation<PreAggregated<K, T>> {
    private static final long serialVersionUID = 1L;
    private final TypeInformation<K> keyType;
    private final TypeInformation<T> valueType;

    public Type(TypeInformation<K> keyType, TypeInformation<T> valueType) {
      this.keyType = keyType;
      this.valueType = valueType;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<PreAggregated<K, T>> getTypeClass() {
      return (Class) PreAggregated.class;
    }

    @Override
    public TypeSerializer<PreAggregated<K, T>> createSerializer() {
      return new Serializer<>(keyType.createSerializer(), valueType.createSerializer());
    }

    @Override
    public String toString() {
      return "PreAggregated<" + keyType + ", " + valueType + ">";
    }
  }

  /** The key, then the value, each with its own serializer. */
  static final class Serializer<K, T> extends TypeSerializer<PreAggregated<K, T>> {
    private static final long serialVersionUID = 1L;
    private final TypeSerializer<K> keySerializer;
    private final TypeSerializer<T> valueSerializer;

    Serializer(TypeSerializer<K> keySerializer, TypeSerializer<T> valueSerializer) {
      this.keySerializer = keySerializer;
      this.valueSerializer = valueSerializer;
    }

    @Override
    public void serialize(PreAggregated<K, T> record, DataOutputView out) throws IOException {
      keySerializer.serialize(record.key(), out);
      valueSerializer.serialize(record.value(), out);
    }

    @Override
    public PreAggregated<K, T> deserialize(DataInputView in) throws IOException {
      K key = keySerializer.deserialize(in);
      return new PreAggregated<>(key, valueSerializer.deserialize(in));
    }

    @Override
    public PreAggregated<K, T> copy(PreAggregated<K, T> record) {
      return new PreAggregated<>(
          keySerializer.copy(record.key()), valueSerializer.copy(record.value()));
    }

    @Override
    public TypeSerializer<PreAggregated<K, T>> duplicate() {
      return new Serializer<>(keySerializer.duplicate(), valueSerializer.duplicate());
    }
  }
}
