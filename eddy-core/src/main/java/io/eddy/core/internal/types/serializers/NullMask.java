package io.eddy.core.internal.types.serializers;

import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import java.io.IOException;

/** Writes which of {@code n} values are null: one byte per 8 values, bit {@code i % 8} set. */
final class NullMask {
  private NullMask() {}

  static void write(Object[] values, DataOutputView out) throws IOException {
    for (int start = 0; start < values.length; start += 8) {
      int mask = 0;
      int end = Math.min(values.length, start + 8);
      for (int i = start; i < end; i++) {
        if (values[i] == null) {
          mask |= 1 << (i - start);
        }
      }
      out.writeByte(mask);
    }
  }

  /** Reads the mask into {@code nulls}. */
  static void read(boolean[] nulls, DataInputView in) throws IOException {
    for (int start = 0; start < nulls.length; start += 8) {
      int mask = in.readUnsignedByte();
      int end = Math.min(nulls.length, start + 8);
      for (int i = start; i < end; i++) {
        nulls[i] = (mask & (1 << (i - start))) != 0;
      }
    }
  }
}
