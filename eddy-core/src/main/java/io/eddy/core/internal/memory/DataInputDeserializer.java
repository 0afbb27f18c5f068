package io.eddy.core.internal.memory;

import io.eddy.api.common.typeutils.DataInputView;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A {@link DataInputView} reading a region of a {@code byte[]}, the counterpart of {@link
 * DataOutputSerializer} (see there for the encodings). Reading past the region throws {@link
 * EOFException}. One instance is reused: {@link #setBuffer} per region. Not thread-safe.
 */
public final class DataInputDeserializer implements DataInputView {

  private static final byte[] EMPTY = new byte[0];
  private static final VarHandle SHORT = view(short[].class);
  private static final VarHandle CHAR = view(char[].class);
  private static final VarHandle INT = view(int[].class);
  private static final VarHandle LONG = view(long[].class);

  private byte[] buffer = EMPTY;
  private int position;
  private int end;

  /** A deserializer with an empty region; call {@link #setBuffer} before reading. */
  public DataInputDeserializer() {}

  /** A deserializer reading all of {@code buffer}. */
  public DataInputDeserializer(byte[] buffer) {
    setBuffer(buffer, 0, buffer.length);
  }

  private static VarHandle view(Class<?> arrayClass) {
    return MethodHandles.byteArrayViewVarHandle(arrayClass, ByteOrder.BIG_ENDIAN);
  }

  /** Reads {@code buffer[offset .. offset + length)} from now on. The array is not copied. */
  public void setBuffer(byte[] buffer, int offset, int length) {
    if ((offset | length) < 0 || length > buffer.length - offset) {
      throw new IndexOutOfBoundsException(
          "offset " + offset + ", length " + length + ", buffer " + buffer.length);
    }
    this.buffer = buffer;
    this.position = offset;
    this.end = offset + length;
  }

  /** The next read index in the buffer (absolute, not relative to the region's offset). */
  public int getPosition() {
    return position;
  }

  /** Moves the read index (absolute) within the current region. */
  public void setPosition(int position) {
    if (position < 0 || position > end) {
      throw new IndexOutOfBoundsException("position " + position + " outside region end " + end);
    }
    this.position = position;
  }

  /** Bytes left in the region. */
  public int available() {
    return end - position;
  }

  private void require(int count) throws EOFException {
    if (count > end - position) {
      throw new EOFException(
          "Need "
              + count
              + " bytes at position "
              + position
              + " but only "
              + available()
              + " left");
    }
  }

  @Override
  public void readFully(byte[] b) throws IOException {
    readFully(b, 0, b.length);
  }

  @Override
  public void readFully(byte[] b, int off, int len) throws IOException {
    if ((off | len) < 0 || len > b.length - off) {
      throw new IndexOutOfBoundsException("offset " + off + ", length " + len);
    }
    require(len);
    System.arraycopy(buffer, position, b, off, len);
    position += len;
  }

  @Override
  public int skipBytes(int n) {
    int skipped = Math.max(0, Math.min(n, available()));
    position += skipped;
    return skipped;
  }

  @Override
  public boolean readBoolean() throws IOException {
    return readByte() != 0;
  }

  @Override
  public byte readByte() throws IOException {
    if (position >= end) {
      require(1);
    }
    return buffer[position++];
  }

  @Override
  public int readUnsignedByte() throws IOException {
    return readByte() & 0xFF;
  }

  @Override
  public short readShort() throws IOException {
    require(2);
    short v = (short) SHORT.get(buffer, position);
    position += 2;
    return v;
  }

  @Override
  public int readUnsignedShort() throws IOException {
    return readShort() & 0xFFFF;
  }

  @Override
  public char readChar() throws IOException {
    require(2);
    char v = (char) CHAR.get(buffer, position);
    position += 2;
    return v;
  }

  @Override
  public int readInt() throws IOException {
    require(4);
    int v = (int) INT.get(buffer, position);
    position += 4;
    return v;
  }

  @Override
  public long readLong() throws IOException {
    require(8);
    long v = (long) LONG.get(buffer, position);
    position += 8;
    return v;
  }

  @Override
  public float readFloat() throws IOException {
    return Float.intBitsToFloat(readInt());
  }

  @Override
  public double readDouble() throws IOException {
    return Double.longBitsToDouble(readLong());
  }

  /** Reads bytes as Latin-1 chars up to {@code \n}, {@code \r\n} or the end; null at the end. */
  @Override
  public String readLine() {
    if (position >= end) {
      return null;
    }
    StringBuilder line = new StringBuilder();
    while (position < end) {
      char c = (char) (buffer[position++] & 0xFF);
      if (c == '\n') {
        break;
      }
      if (c == '\r') {
        if (position < end && buffer[position] == '\n') {
          position++;
        }
        break;
      }
      line.append(c);
    }
    return line.toString();
  }

  @Override
  public String readUTF() throws IOException {
    return DataInputStream.readUTF(this);
  }

  @Override
  public int readVarInt() throws IOException {
    int result = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      byte b = readByte();
      result |= (b & 0x7F) << shift;
      if (b >= 0) {
        return result;
      }
    }
    throw new StreamCorruptedException("Var-int longer than 5 bytes at position " + position);
  }

  @Override
  public long readVarLong() throws IOException {
    long result = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      byte b = readByte();
      result |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return result;
      }
    }
    throw new StreamCorruptedException("Var-long longer than 10 bytes at position " + position);
  }

  @Override
  public String readString() throws IOException {
    int header = readVarInt();
    int length = header >>> 1;
    if ((header & 1) == 0) {
      require(length);
      String s = new String(buffer, position, length, StandardCharsets.ISO_8859_1);
      position += length;
      return s;
    }
    if (length > (end - position) / 2) {
      require(2 * length);
    }
    // Decoded by hand: a charset decoder would replace unpaired surrogates instead of keeping them.
    char[] chars = new char[length];
    byte[] buf = buffer;
    int p = position;
    for (int i = 0; i < length; i++, p += 2) {
      chars[i] = (char) CHAR.get(buf, p);
    }
    position = p;
    return new String(chars);
  }
}
