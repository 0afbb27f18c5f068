package io.eddy.connector.file.internal;

import io.eddy.api.annotation.Internal;
import io.eddy.api.connector.source.ReaderOutput;
import io.eddy.api.fs.FileSystems;
import io.eddy.connector.file.FileSourceSplit;
import io.eddy.core.internal.connector.source.SplitCursor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * Reads the UTF-8 lines owned by a {@link FileSourceSplit}: lines end at {@code '\n'}, a trailing
 * {@code '\r'} is dropped, and a last line without {@code '\n'} still counts.
 *
 * <p>Reads through a large byte buffer with positional reads; a line is found by one scan over its
 * bytes, which also tells whether it is pure ASCII, so that the string is made with one copy and no
 * decoding in the common case. The only allocation per line is the line itself. The buffer grows
 * when a line does not fit.
 *
 * <p>Threading: task thread only. Blocks only on local file reads.
 */
@Internal
public final class TextLineCursor implements SplitCursor<String, FileSourceSplit> {
  static final int MAX_INITIAL_BUFFER = 256 * 1024;
  private static final int MIN_INITIAL_BUFFER = 4 * 1024;

  private final FileSourceSplit split;
  private final SeekableByteChannel channel;
  private byte[] buffer;
  private ByteBuffer window;

  /** File offset of {@code buffer[0]}. */
  private long bufferOffset;

  /** Index in {@link #buffer} of the next unread byte: the start of the next line. */
  private int next;

  /** Number of valid bytes in {@link #buffer}. */
  private int limit;

  private boolean endOfFile;

  /** Opens the split's file and moves to its first line. */
  public static TextLineCursor open(FileSourceSplit split) throws IOException {
    SeekableByteChannel channel = FileSystems.get(split.path()).openForRead(split.path());
    try {
      return new TextLineCursor(split, channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private TextLineCursor(FileSourceSplit split, SeekableByteChannel channel) throws IOException {
    this.split = split;
    this.channel = channel;
    long length = split.end() - split.position();
    setBuffer(new byte[(int) Math.max(MIN_INITIAL_BUFFER, Math.min(MAX_INITIAL_BUFFER, length))]);
    boolean fresh = split.position() == split.start();
    if (fresh && split.start() > 0) {
      // The line that contains byte start-1 belongs to the previous split (or, when byte start-1
      // is '\n', it ended there): skip through the first '\n' at or after start-1.
      bufferOffset = split.start() - 1;
      skipThroughNewline();
    } else {
      bufferOffset = split.position();
    }
  }

  @Override
  public int emit(ReaderOutput<String> output, int max) throws IOException {
    int emitted = 0;
    while (emitted < max && position() < split.end() && emitLine(output)) {
      emitted++;
    }
    return emitted;
  }

  /** The file offset of the next line. */
  long position() {
    return bufferOffset + next;
  }

  @Override
  public FileSourceSplit remainder() {
    long position = position();
    return position >= split.end() ? null : split.withPosition(position);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** Emits the line at {@link #next}; false if the file ends there. */
  private boolean emitLine(ReaderOutput<String> output) throws IOException {
    int scan = next;
    int bits = 0;
    while (true) {
      byte[] bytes = buffer;
      int end = limit;
      for (; scan < end; scan++) {
        byte b = bytes[scan];
        if (b == '\n') {
          output.collect(decode(next, scan, bits));
          next = scan + 1;
          return true;
        }
        bits |= b;
      }
      if (endOfFile) {
        if (scan == next) {
          return false;
        }
        output.collect(decode(next, scan, bits));
        next = scan;
        return true;
      }
      scan -= next; // fill() moves the unread bytes to the front of the buffer
      fill();
    }
  }

  /** Moves {@link #next} past the first '\n' at or after it, or to the end of the file. */
  private void skipThroughNewline() throws IOException {
    while (true) {
      for (int i = next; i < limit; i++) {
        if (buffer[i] == '\n') {
          next = i + 1;
          return;
        }
      }
      next = limit;
      if (endOfFile) {
        return;
      }
      fill();
    }
  }

  /** The string of bytes {@code [from, to)}, without a trailing '\r'. */
  private String decode(int from, int to, int bits) {
    if (to > from && buffer[to - 1] == '\r') {
      to--;
    }
    // A negative byte (bit 7 set) means non-ASCII: only then is UTF-8 decoding needed.
    return bits >= 0
        ? new String(buffer, from, to - from, StandardCharsets.ISO_8859_1)
        : new String(buffer, from, to - from, StandardCharsets.UTF_8);
  }

  /**
   * Moves the unread bytes to the front of the buffer (growing it if they fill it) and reads more
   * after them; sets {@link #endOfFile} if there is nothing more.
   */
  private void fill() throws IOException {
    int unread = limit - next;
    if (next > 0) {
      System.arraycopy(buffer, next, buffer, 0, unread);
      bufferOffset += next;
      next = 0;
      limit = unread;
    }
    if (limit == buffer.length) {
      byte[] larger = new byte[Math.multiplyExact(buffer.length, 2)];
      System.arraycopy(buffer, 0, larger, 0, limit);
      setBuffer(larger);
    }
    window.clear().position(limit);
    long at = bufferOffset + limit;
    if (channel.position() != at) {
      channel.position(at); // only at the start: reads go on from where the last one ended
    }
    int read = channel.read(window);
    if (read < 0) {
      endOfFile = true;
    } else {
      limit += read;
    }
  }

  private void setBuffer(byte[] newBuffer) {
    buffer = newBuffer;
    window = ByteBuffer.wrap(newBuffer);
  }
}
