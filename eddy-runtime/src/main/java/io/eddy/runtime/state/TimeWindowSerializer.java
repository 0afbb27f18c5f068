package io.eddy.runtime.state;

import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.api.windowing.windows.TimeWindow;
import java.io.IOException;

/**
 * Serializes a {@link TimeWindow} as its start and end, two big-endian longs (16 bytes): the
 * namespace serializer of the state of time windows in keyed state snapshots.
 */
public final class TimeWindowSerializer extends TypeSerializer<TimeWindow> {
  private static final long serialVersionUID = 1L;

  public static final TimeWindowSerializer INSTANCE = new TimeWindowSerializer();

  /** The type of time windows, serialized by this serializer (for state descriptors). */
  public static final TypeInformation<TimeWindow> TYPE =
      new TypeInformation<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public Class<TimeWindow> getTypeClass() {
          return TimeWindow.class;
        }

        @Override
        public TypeSerializer<TimeWindow> createSerializer() {
          return INSTANCE;
        }

        @Override
        public String toString() {
          return "TimeWindow";
        }
      };

  @Override
  public void serialize(TimeWindow window, DataOutputView out) throws IOException {
    out.writeLong(window.getStart());
    out.writeLong(window.getEnd());
  }

  @Override
  public TimeWindow deserialize(DataInputView in) throws IOException {
    long start = in.readLong();
    return new TimeWindow(start, in.readLong());
  }

  @Override
  public TimeWindow copy(TimeWindow window) {
    return window;
  }

  @Override
  public boolean isImmutableType() {
    return true;
  }
}
