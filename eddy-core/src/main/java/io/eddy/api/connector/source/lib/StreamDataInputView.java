package io.eddy.api.connector.source.lib;

import io.eddy.api.common.typeutils.DataInputView;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads what {@link StreamDataOutputView} wrote. */
final class StreamDataInputView extends DataInputStream implements DataInputView {

  StreamDataInputView(InputStream in) {
    super(in);
  }

  @Override
  public int readVarInt() throws IOException {
    int result = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = readUnsignedByte();
      result |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new IOException("Malformed var-int");
  }

  @Override
  public long readVarLong() throws IOException {
    long result = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      int b = readUnsignedByte();
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new IOException("Malformed var-long");
  }

  @Override
  public String readString() throws IOException {
    int length = readVarInt();
    if (length < 0) {
      throw new IOException("Negative string length: " + length);
    }
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = (char) readVarInt();
    }
    return new String(chars);
  }
}
