package io.eddy.runtime.state.heap;

import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.state.StateDescriptor;
import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.runtime.state.KeyedStateSnapshotFormat;
import io.eddy.runtime.state.SnapshotStateMetaInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads what one heap state stores per (key, namespace) — a value, an {@code ArrayList}
 * or a {@code HashMap}, with or without {@link TtlValue} wrappers — in the {@code value} layout of
 * {@link KeyedStateSnapshotFormat}, using the serializers of the state's descriptor.
 */
final class StoredValueCodec {
  private final StateDescriptor.Type kind;
  private final TypeSerializer<Object> valueSerializer;
  private final TypeSerializer<Object> mapKeySerializer;

  /** Serializers are duplicated: a snapshot's writer may use the codec on its own thread. */
  @SuppressWarnings("unchecked")
  StoredValueCodec(StateDescriptor<?, ?> descriptor) {
    this.kind = descriptor.getType();
    if (descriptor instanceof MapStateDescriptor<?, ?> map) {
      this.valueSerializer =
          (TypeSerializer<Object>) map.getValueTypeInformation().createSerializer().duplicate();
      this.mapKeySerializer =
          (TypeSerializer<Object>) map.getKeyTypeInformation().createSerializer().duplicate();
    } else {
      this.valueSerializer =
          (TypeSerializer<Object>) descriptor.getTypeInformation().createSerializer().duplicate();
      this.mapKeySerializer = null;
    }
  }

  /** The codec of an internal value state ({@link HeapValueState}), which has no descriptor. */
  @SuppressWarnings("unchecked")
  StoredValueCodec(TypeSerializer<?> valueSerializer) {
    this.kind = StateDescriptor.Type.VALUE;
    this.valueSerializer = (TypeSerializer<Object>) valueSerializer;
    this.mapKeySerializer = null;
  }

  /**
   * What copies the objects a state stores (with {@link TtlValue} wrappers if {@code ttl}) before
   * they change in place while a snapshot shares them, or null if they never change in place
   * (immutable values without TTL). The copier uses this codec's serializers: task thread only.
   */
  StateMap.Copier copier(boolean ttl) {
    if (!ttl && kind != StateDescriptor.Type.LIST && kind != StateDescriptor.Type.MAP) {
      if (valueSerializer.isImmutableType()) {
        return null;
      }
    }
    return stored -> copy(stored, ttl);
  }

  /**
   * A copy of {@code stored} that shares no mutable object with it: lists, maps and TTL wrappers
   * are new, and values (and map keys) of mutable types are copied by their serializer.
   */
  @SuppressWarnings("unchecked")
  Object copy(Object stored, boolean ttl) {
    switch (kind) {
      case LIST -> {
        List<Object> list = (List<Object>) stored;
        if (!ttl && valueSerializer.isImmutableType()) {
          return new ArrayList<>(list);
        }
        ArrayList<Object> copy = new ArrayList<>(list.size());
        for (Object element : list) {
          copy.add(copyElement(element, ttl));
        }
        return copy;
      }
      case MAP -> {
        Map<Object, Object> map = (Map<Object, Object>) stored;
        boolean immutableKeys = mapKeySerializer.isImmutableType();
        if (!ttl && immutableKeys && valueSerializer.isImmutableType()) {
          return new HashMap<>(map);
        }
        HashMap<Object, Object> copy = new HashMap<>((int) (map.size() / 0.75f) + 1);
        for (Map.Entry<Object, Object> e : map.entrySet()) {
          Object key = immutableKeys ? e.getKey() : mapKeySerializer.copy(e.getKey());
          copy.put(key, copyElement(e.getValue(), ttl));
        }
        return copy;
      }
      default -> {
        return copyElement(stored, ttl);
      }
    }
  }

  private Object copyElement(Object element, boolean ttl) {
    if (ttl) {
      TtlValue<?> wrapped = (TtlValue<?>) element;
      return new TtlValue<>(copyValue(wrapped.value), wrapped.timestamp);
    }
    return copyValue(element);
  }

  private Object copyValue(Object value) {
    return value == null || valueSerializer.isImmutableType() ? value : valueSerializer.copy(value);
  }

  /** The meta information a snapshot records for {@code descriptor}'s state. */
  SnapshotStateMetaInfo metaInfo(String name, boolean ttl) {
    return new SnapshotStateMetaInfo(
        name,
        kind,
        ttl,
        valueSerializer.getClass().getName(),
        mapKeySerializer == null ? "" : mapKeySerializer.getClass().getName());
  }

  /** Writes {@code stored}; {@code ttl} tells whether its elements are {@link TtlValue}s. */
  @SuppressWarnings("unchecked")
  void write(Object stored, boolean ttl, DataOutputView out) throws IOException {
    switch (kind) {
      case VALUE, REDUCING, AGGREGATING -> writeElement(stored, ttl, out);
      case LIST -> {
        List<Object> list = (List<Object>) stored;
        out.writeVarInt(list.size());
        for (Object element : list) {
          writeElement(element, ttl, out);
        }
      }
      case MAP -> {
        Map<Object, Object> map = (Map<Object, Object>) stored;
        out.writeVarInt(map.size());
        for (Map.Entry<Object, Object> e : map.entrySet()) {
          mapKeySerializer.serialize(e.getKey(), out);
          writeElement(e.getValue(), ttl, out);
        }
      }
    }
  }

  /**
   * Reads a stored value written with {@code sourceTtl}, in the form a state with {@code targetTtl}
   * stores; elements without a recorded timestamp get {@code now}.
   */
  Object read(DataInputView in, boolean sourceTtl, boolean targetTtl, long now) throws IOException {
    switch (kind) {
      case LIST -> {
        int size = in.readVarInt();
        ArrayList<Object> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          list.add(readElement(in, sourceTtl, targetTtl, now));
        }
        return list;
      }
      case MAP -> {
        int size = in.readVarInt();
        HashMap<Object, Object> map = new HashMap<>();
        for (int i = 0; i < size; i++) {
          Object key = mapKeySerializer.deserialize(in);
          map.put(key, readElement(in, sourceTtl, targetTtl, now));
        }
        return map;
      }
      default -> {
        return readElement(in, sourceTtl, targetTtl, now);
      }
    }
  }

  private void writeElement(Object element, boolean ttl, DataOutputView out) throws IOException {
    Object value = element;
    if (ttl) {
      TtlValue<?> wrapped = (TtlValue<?>) element;
      out.writeLong(wrapped.timestamp);
      value = wrapped.value;
    }
    out.writeBoolean(value == null);
    if (value != null) {
      valueSerializer.serialize(value, out);
    }
  }

  private Object readElement(DataInputView in, boolean sourceTtl, boolean targetTtl, long now)
      throws IOException {
    long timestamp = sourceTtl ? in.readLong() : now;
    Object value = in.readBoolean() ? null : valueSerializer.deserialize(in);
    return targetTtl ? new TtlValue<>(value, timestamp) : value;
  }
}
