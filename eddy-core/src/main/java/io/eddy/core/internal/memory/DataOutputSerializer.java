package io.eddy.core.internal.memory;

import io.eddy.api.common.typeutils.DataOutputView;
import java.io.UTFDataFormatException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A {@link DataOutputView} writing into a growable {@code byte[]}, big-endian. One instance is
 * reused for many records: {@link #clear()} between them. Not thread-safe.
 *
 * <p>Encodings shared with {@link DataInputDeserializer}:
 *
 * <ul>
 *   <li>var-ints/longs: unsigned LEB128, 7 bits per byte, low bits first; negative values take 5
 *       (int) or 10 (long) bytes.
 *   <li>{@link #writeString}: a var-int header {@code (length << 1) | utf16} read as unsigned, then
 *       either one byte per char when every char is below {@code 0x80} ({@code utf16 = 0}), or two
 *       big-endian bytes per UTF-16 char ({@code utf16 = 1}). The string length is in chars.
 *   <li>{@link #writeUTF}: the standard {@link java.io.DataOutput} modified UTF-8 (64 KiB limit).
 * </ul>
 */
public final class DataOutputSerializer implements DataOutputView {

  private static final VarHandle SHORT = view(short[].class);
  private static final VarHandle CHAR = view(char[].class);
  private static final VarHandle INT = view(int[].class);
  private static final VarHandle LONG = view(long[].class);
  private static final int MAX_ARRAY_SIZE = Integer.MAX_VALUE - 8;

  private byte[] buffer;
  private int position;

  /** Writing into a borrowed array that must not grow (see {@link #wrap}). */
  private boolean fixed;

  /** A serializer whose buffer starts at {@code initialSize} bytes and grows as needed. */
  public DataOutputSerializer(int initialSize) {
    if (initialSize < 1) {
      throw new IllegalArgumentException("Initial size must be positive, not " + initialSize);
    }
    this.buffer = new byte[initialSize];
  }

  private static VarHandle view(Class<?> arrayClass) {
    return MethodHandles.byteArrayViewVarHandle(arrayClass, ByteOrder.BIG_ENDIAN);
  }

  /**
   * Writes into {@code target} from {@code position} on, without ever growing it: a write past its
   * end throws {@link Overflow} (a preallocated exception, cheap to throw), after which the caller
   * starts over elsewhere. Used to serialize records straight into network buffers.
   */
  public void wrap(byte[] target, int position) {
    this.buffer = target;
    this.position = position;
    this.fixed = true;
  }

  /** A fixed-size target (see {@link #wrap}) is full. Carries no stack trace. */
  public static final class Overflow extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public static final Overflow INSTANCE = new Overflow();

    private Overflow() {
      super("The target buffer is full", null, false, false);
    }
  }

  /** Forgets the written bytes; the buffer is kept for reuse. */
  public void clear() {
    position = 0;
  }

  /** Number of bytes written, which equals {@link #position()}. */
  public int length() {
    return position;
  }

  /** The next write position. */
  public int position() {
    return position;
  }

  /**
   * Moves the write position, for example back to patch a length prefix; the buffer grows if the
   * position is beyond its end. Bytes after the position no longer count in {@link #length()}.
   */
  public void setPosition(int position) {
    if (position < 0) {
      throw new IllegalArgumentException("Negative position " + position);
    }
    ensureCapacity(position - this.position);
    this.position = position;
  }

  /** The internal buffer, valid from 0 to {@link #length()}; it changes when the buffer grows. */
  public byte[] getSharedBuffer() {
    return buffer;
  }

  /** A copy of the written bytes. */
  public byte[] getCopyOfBuffer() {
    return Arrays.copyOf(buffer, position);
  }

  private void ensureCapacity(int extra) {
    if (extra > buffer.length - position) {
      grow(extra);
    }
  }

  private void grow(int extra) {
    if (fixed) {
      throw Overflow.INSTANCE;
    }
    long required = (long) position + extra;
    if (required > MAX_ARRAY_SIZE) {
      throw new IllegalStateException("Serialized record larger than " + MAX_ARRAY_SIZE + " bytes");
    }
    long doubled = Math.max((long) buffer.length * 2, required);
    buffer = Arrays.copyOf(buffer, (int) Math.min(doubled, MAX_ARRAY_SIZE));
  }

  @Override
  public void write(int b) {
    ensureCapacity(1);
    buffer[position++] = (byte) b;
  }

  @Override
  public void write(byte[] b) {
    write(b, 0, b.length);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    if ((off | len) < 0 || len > b.length - off) {
      throw new IndexOutOfBoundsException("offset " + off + ", length " + len);
    }
    ensureCapacity(len);
    System.arraycopy(b, off, buffer, position, len);
    position += len;
  }

  @Override
  public void writeBoolean(boolean v) {
    write(v ? 1 : 0);
  }

  @Override
  public void writeByte(int v) {
    write(v);
  }

  @Override
  public void writeShort(int v) {
    ensureCapacity(2);
    SHORT.set(buffer, position, (short) v);
    position += 2;
  }

  @Override
  public void writeChar(int v) {
    ensureCapacity(2);
    CHAR.set(buffer, position, (char) v);
    position += 2;
  }

  @Override
  public void writeInt(int v) {
    ensureCapacity(4);
    INT.set(buffer, position, v);
    position += 4;
  }

  @Override
  public void writeLong(long v) {
    ensureCapacity(8);
    LONG.set(buffer, position, v);
    position += 8;
  }

  @Override
  public void writeFloat(float v) {
    writeInt(Float.floatToIntBits(v));
  }

  @Override
  public void writeDouble(double v) {
    writeLong(Double.doubleToLongBits(v));
  }

  /** Writes the low byte of each char, as {@link java.io.DataOutput#writeBytes} specifies. */
  @Override
  public void writeBytes(String s) {
    int len = s.length();
    ensureCapacity(len);
    for (int i = 0; i < len; i++) {
      buffer[position++] = (byte) s.charAt(i);
    }
  }

  @Override
  public void writeChars(String s) {
    int len = s.length();
    ensureCapacity(2 * len);
    for (int i = 0; i < len; i++) {
      CHAR.set(buffer, position, s.charAt(i));
      position += 2;
    }
  }

  @Override
  public void writeUTF(String s) throws UTFDataFormatException {
    int len = s.length();
    int utfLength = 0;
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      utfLength += (c >= 0x0001 && c <= 0x007F) ? 1 : (c <= 0x07FF ? 2 : 3);
    }
    if (utfLength > 0xFFFF) {
      throw new UTFDataFormatException("String encodes to " + utfLength + " bytes, over 65535");
    }
    ensureCapacity(2 + utfLength);
    SHORT.set(buffer, position, (short) utfLength);
    int p = position + 2;
    byte[] buf = buffer;
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c >= 0x0001 && c <= 0x007F) {
        buf[p++] = (byte) c;
      } else if (c <= 0x07FF) {
        buf[p++] = (byte) (0xC0 | (c >> 6));
        buf[p++] = (byte) (0x80 | (c & 0x3F));
      } else {
        buf[p++] = (byte) (0xE0 | (c >> 12));
        buf[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buf[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    position = p;
  }

  @Override
  public void writeVarInt(int value) {
    ensureCapacity(5);
    byte[] buf = buffer;
    int p = position;
    while ((value & ~0x7F) != 0) {
      buf[p++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buf[p++] = (byte) value;
    position = p;
  }

  @Override
  public void writeVarLong(long value) {
    ensureCapacity(10);
    byte[] buf = buffer;
    int p = position;
    while ((value & ~0x7FL) != 0) {
      buf[p++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buf[p++] = (byte) value;
    position = p;
  }

  @Override
  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) is the fast ASCII copy
  public void writeString(String value) {
    int len = value.length();
    int start = position;
    writeVarInt(len << 1);
    ensureCapacity(len);
    // One pass: copy chars as bytes while they are ASCII; on the first other char start over in
    // the UTF-16 form.
    byte[] buf = buffer;
    int p = position;
    for (int i = 0; i < len; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        position = start;
        writeVarInt((len << 1) | 1);
        writeChars(value);
        return;
      }
      buf[p++] = (byte) c;
    }
    position = p;
  }
}
