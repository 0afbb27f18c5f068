package io.eddy.runtime.state;

import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.state.StateDescriptor;
import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import io.eddy.api.common.typeutils.TypeSerializer;
import java.io.IOException;

/**
 * What a keyed state snapshot records about one state (see {@link KeyedStateSnapshotFormat}, {@code
 * stateMeta}); equal records mean a state can be restored from the other's section, whichever
 * backend wrote it.
 *
 * @param ttl whether the snapshot holds a TTL timestamp with every element
 * @param mapKeySerializerClass empty unless the state is a map state
 */
public record SnapshotStateMetaInfo(
    String name,
    StateDescriptor.Type kind,
    boolean ttl,
    String valueSerializerClass,
    String mapKeySerializerClass) {

  /** The meta info of user state {@code descriptor}, with or without TTL timestamps. */
  public static SnapshotStateMetaInfo of(StateDescriptor<?, ?> descriptor, boolean ttl) {
    if (descriptor instanceof MapStateDescriptor<?, ?> map) {
      return new SnapshotStateMetaInfo(
          descriptor.getName(),
          descriptor.getType(),
          ttl,
          map.getValueTypeInformation().createSerializer().getClass().getName(),
          map.getKeyTypeInformation().createSerializer().getClass().getName());
    }
    return new SnapshotStateMetaInfo(
        descriptor.getName(),
        descriptor.getType(),
        ttl,
        descriptor.getTypeInformation().createSerializer().getClass().getName(),
        "");
  }

  /** The meta info of an internal value state. */
  public static SnapshotStateMetaInfo ofValue(String name, TypeSerializer<?> serializer) {
    return new SnapshotStateMetaInfo(
        name, StateDescriptor.Type.VALUE, false, serializer.getClass().getName(), "");
  }

  public void write(DataOutputView out) throws IOException {
    out.writeString(name);
    out.writeByte(kind.ordinal());
    out.writeBoolean(ttl);
    out.writeString(valueSerializerClass);
    out.writeString(mapKeySerializerClass);
  }

  public static SnapshotStateMetaInfo read(DataInputView in) throws IOException {
    String name = in.readString();
    int kind = in.readUnsignedByte();
    StateDescriptor.Type[] kinds = StateDescriptor.Type.values();
    if (kind >= kinds.length) {
      throw new IOException("unknown state kind " + kind + " of state '" + name + "'");
    }
    return new SnapshotStateMetaInfo(
        name, kinds[kind], in.readBoolean(), in.readString(), in.readString());
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT)
        + " state '"
        + name
        + "' of "
        + (mapKeySerializerClass.isEmpty() ? "" : mapKeySerializerClass + " -> ")
        + valueSerializerClass
        + (ttl ? " with TTL" : "");
  }
}
