package io.eddy.runtime.state.heap;

import io.eddy.api.common.state.StateDescriptor;
import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import java.io.IOException;

/**
 * What a keyed state snapshot records about one state (see {@link KeyedStateSnapshotFormat}, {@code
 * stateMeta}).
 *
 * @param ttl whether the snapshot holds a TTL timestamp with every element
 * @param mapKeySerializerClass empty unless the state is a map state
 */
record SnapshotStateMetaInfo(
    String name,
    StateDescriptor.Type kind,
    boolean ttl,
    String valueSerializerClass,
    String mapKeySerializerClass) {

  void write(DataOutputView out) throws IOException {
    out.writeString(name);
    out.writeByte(kind.ordinal());
    out.writeBoolean(ttl);
    out.writeString(valueSerializerClass);
    out.writeString(mapKeySerializerClass);
  }

  static SnapshotStateMetaInfo read(DataInputView in) throws IOException {
    String name = in.readString();
    int kind = in.readUnsignedByte();
    StateDescriptor.Type[] kinds = StateDescriptor.Type.values();
    if (kind >= kinds.length) {
      throw new IOException("unknown state kind " + kind + " of state '" + name + "'");
    }
    return new SnapshotStateMetaInfo(
        name, kinds[kind], in.readBoolean(), in.readString(), in.readString());
  }
}
