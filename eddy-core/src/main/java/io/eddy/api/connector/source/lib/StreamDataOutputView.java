package io.eddy.api.connector.source.lib;

import io.eddy.api.common.typeutils.DataOutputView;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A {@link DataOutputView} over a {@link DataOutputStream}, for the element bytes of {@link
 * FromElementsSource}; read back by {@link StreamDataInputView}. Var-ints are little-endian groups
 * of 7 bits with a continuation bit; strings are their length and their chars as var-ints, so every
 * string (unpaired surrogates included) comes back unchanged.
 */
final class StreamDataOutputView extends DataOutputStream implements DataOutputView {

  StreamDataOutputView(OutputStream out) {
    super(out);
  }

  @Override
  public void writeVarInt(int value) throws IOException {
    while ((value & ~0x7F) != 0) {
      write((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    write(value);
  }

  @Override
  public void writeVarLong(long value) throws IOException {
    while ((value & ~0x7FL) != 0) {
      write((int) (value & 0x7F) | 0x80);
      value >>>= 7;
    }
    write((int) value);
  }

  @Override
  public void writeString(String value) throws IOException {
    int length = value.length();
    writeVarInt(length);
    for (int i = 0; i < length; i++) {
      writeVarInt(value.charAt(i));
    }
  }
}
