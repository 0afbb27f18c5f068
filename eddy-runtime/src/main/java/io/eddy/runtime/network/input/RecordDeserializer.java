package io.eddy.runtime.network.input;

import io.eddy.core.internal.memory.DataInputDeserializer;
import io.eddy.runtime.network.buffer.Buffer;
import io.eddy.runtime.streamrecord.StreamElement;
import io.eddy.runtime.streamrecord.StreamElementSerializer;
import java.io.IOException;

/**
 * Reads the length-prefixed elements a {@code RecordWriter} wrote, one channel's buffers in order.
 * An element contained in one buffer is read in place; one that spans buffers is assembled in a
 * spill array first. Task thread only.
 */
public final class RecordDeserializer<T> {
  private final StreamElementSerializer<T> serializer;
  private final DataInputDeserializer input = new DataInputDeserializer();
  private Buffer buffer;
  private int position;
  private byte[] spill = new byte[256];
  private int spillFilled;

  /** Length of the element being assembled in the spill array, or -1 while reading its length. */
  private int spillLength = -1;

  private boolean spanning;

  public RecordDeserializer(StreamElementSerializer<T> serializer) {
    this.serializer = serializer;
  }

  public void setNextBuffer(Buffer next) {
    this.buffer = next;
    this.position = 0;
  }

  public boolean hasBuffer() {
    return buffer != null;
  }

  /**
   * The next complete element, or null when the current buffer is used up (it is then recycled and
   * the caller supplies the next one).
   */
  public StreamElement next() throws IOException {
    if (buffer == null) {
      return null;
    }
    int size = buffer.size();
    byte[] mem = buffer.memory();
    if (!spanning) {
      int remaining = size - position;
      if (remaining >= 4) {
        int length = readInt(mem, position);
        if (remaining - 4 >= length) {
          input.setBuffer(mem, position + 4, length);
          position += 4 + length;
          StreamElement element = serializer.deserialize(input);
          if (position == size) {
            release();
          }
          return element;
        }
      }
      if (remaining == 0) {
        release();
        return null;
      }
      spanning = true;
      spillFilled = 0;
      spillLength = -1;
    }
    return continueSpanning(mem, size);
  }

  private StreamElement continueSpanning(byte[] mem, int size) throws IOException {
    if (spillLength < 0) {
      int n = Math.min(4 - spillFilled, size - position);
      System.arraycopy(mem, position, spill, spillFilled, n);
      spillFilled += n;
      position += n;
      if (spillFilled < 4) {
        release();
        return null;
      }
      spillLength = readInt(spill, 0);
      spillFilled = 0;
      if (spill.length < spillLength) {
        spill = new byte[Math.max(spillLength, spill.length * 2)];
      }
    }
    int n = Math.min(spillLength - spillFilled, size - position);
    System.arraycopy(mem, position, spill, spillFilled, n);
    spillFilled += n;
    position += n;
    StreamElement element = null;
    if (spillFilled == spillLength) {
      spanning = false;
      input.setBuffer(spill, 0, spillLength);
      element = serializer.deserialize(input);
    }
    if (position == size) {
      release();
    }
    return element; // null means this buffer ended mid-element; the next buffer continues it
  }

  private void release() {
    if (buffer != null) {
      buffer.recycle();
      buffer = null;
    }
  }

  /**
   * The bytes not yet turned into elements: the unread rest of the current buffer, or an element
   * begun in earlier buffers and not complete yet (empty if none), in the form the writer wrote
   * them: fed back as a buffer, they resume the stream. For the in-flight data of unaligned
   * checkpoints; call between elements.
   */
  public byte[] pendingBytes() {
    if (!spanning) {
      // the unread rest of the current buffer starts at an element boundary
      return buffer == null
          ? new byte[0]
          : java.util.Arrays.copyOfRange(buffer.memory(), position, buffer.size());
    }
    if (spillLength < 0) {
      return java.util.Arrays.copyOf(spill, spillFilled); // part of the length
    }
    byte[] bytes = new byte[4 + spillFilled];
    bytes[0] = (byte) (spillLength >>> 24);
    bytes[1] = (byte) (spillLength >>> 16);
    bytes[2] = (byte) (spillLength >>> 8);
    bytes[3] = (byte) spillLength;
    System.arraycopy(spill, 0, bytes, 4, spillFilled);
    return bytes;
  }

  /** Drops the current buffer (on cancellation). */
  public void clear() {
    release();
    spanning = false;
  }

  private static int readInt(byte[] b, int p) {
    return ((b[p] & 0xff) << 24)
        | ((b[p + 1] & 0xff) << 16)
        | ((b[p + 2] & 0xff) << 8)
        | (b[p + 3] & 0xff);
  }
}
