package io.eddy.runtime.state.heap;

import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.api.windowing.windows.GlobalWindow;
import io.eddy.api.windowing.windows.TimeWindow;
import io.eddy.core.internal.types.serializers.DynamicSerializer;
import io.eddy.runtime.state.TimeWindowSerializer;
import java.io.IOException;

/**
 * The namespace serializer of a backend's snapshots: namespaces are windows, whose class the
 * backend does not know (an operator may use several). Time windows (16 bytes) and the global
 * window (no bytes) get a one-byte tag; any other window class is written dynamically, with its
 * class name. Not thread safe (the dynamic fallback caches serializers): one per backend.
 */
public final class NamespaceSerializer extends TypeSerializer<Object> {
  private static final long serialVersionUID = 1L;

  private static final int TIME_WINDOW = 0;
  private static final int GLOBAL_WINDOW = 1;
  private static final int OTHER = 2;

  private final DynamicSerializer other = new DynamicSerializer();

  @Override
  public void serialize(Object namespace, DataOutputView out) throws IOException {
    if (namespace instanceof TimeWindow window) {
      out.writeByte(TIME_WINDOW);
      TimeWindowSerializer.INSTANCE.serialize(window, out);
    } else if (namespace instanceof GlobalWindow) {
      out.writeByte(GLOBAL_WINDOW);
    } else {
      out.writeByte(OTHER);
      other.serialize(namespace, out);
    }
  }

  @Override
  public Object deserialize(DataInputView in) throws IOException {
    int tag = in.readUnsignedByte();
    return switch (tag) {
      case TIME_WINDOW -> TimeWindowSerializer.INSTANCE.deserialize(in);
      case GLOBAL_WINDOW -> GlobalWindow.get();
      case OTHER -> other.deserialize(in);
      default -> throw new IOException("unknown namespace tag " + tag);
    };
  }

  @Override
  public Object copy(Object namespace) {
    return namespace; // windows are immutable
  }

  @Override
  public TypeSerializer<Object> duplicate() {
    return new NamespaceSerializer();
  }
}
