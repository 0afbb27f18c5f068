package io.eddy.state.rocksdb;

import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.state.StateDescriptor;
import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import io.eddy.api.common.typeutils.TypeSerializer;
import java.io.IOException;

/**
 * What a keyed state snapshot records about one state ({@code stateMeta} of {@link
 * SnapshotFormat}); equal records mean a state can be restored from the other's section.
 *
 * @param ttl whether every element carries a TTL timestamp
 * @param mapKeySerializerClass empty unless the state is a map state
 */
record StateMeta(
    String name,
    StateDescriptor.Type kind,
    boolean ttl,
    String valueSerializerClass,
    String mapKeySerializerClass) {

  /** The meta info of user state {@code descriptor}, with or without TTL timestamps. */
  static StateMeta of(StateDescriptor<?, ?> descriptor, boolean ttl) {
    if (descriptor instanceof MapStateDescriptor<?, ?> map) {
      return new StateMeta(
          descriptor.getName(),
          descriptor.getType(),
          ttl,
          map.getValueTypeInformation().createSerializer().getClass().getName(),
          map.getKeyTypeInformation().createSerializer().getClass().getName());
    }
    return new StateMeta(
        descriptor.getName(),
        descriptor.getType(),
        ttl,
        descriptor.getTypeInformation().createSerializer().getClass().getName(),
        "");
  }

  /** The meta info of an internal value state. */
  static StateMeta ofValue(String name, TypeSerializer<?> serializer) {
    return new StateMeta(
        name, StateDescriptor.Type.VALUE, false, serializer.getClass().getName(), "");
  }

  void write(DataOutputView out) throws IOException {
    out.writeString(name);
    out.writeByte(kind.ordinal());
    out.writeBoolean(ttl);
    out.writeString(valueSerializerClass);
    out.writeString(mapKeySerializerClass);
  }

  static StateMeta read(DataInputView in) throws IOException {
    String name = in.readString();
    int kind = in.readUnsignedByte();
    StateDescriptor.Type[] kinds = StateDescriptor.Type.values();
    if (kind >= kinds.length) {
      throw new IOException("unknown state kind " + kind + " of state '" + name + "'");
    }
    return new StateMeta(name, kinds[kind], in.readBoolean(), in.readString(), in.readString());
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase()
        + " state '"
        + name
        + "' of "
        + (mapKeySerializerClass.isEmpty() ? "" : mapKeySerializerClass + " -> ")
        + valueSerializerClass
        + (ttl ? " with TTL" : "");
  }
}
