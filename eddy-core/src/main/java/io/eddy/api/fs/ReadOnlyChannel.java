package io.eddy.api.fs;

import io.eddy.api.annotation.PublicEvolving;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * The read-only {@link SeekableByteChannel} a {@link FileSystem#openForRead} returns, for file
 * systems to extend: it keeps the position (which may be set past the end; reads there return -1),
 * refuses writes, and closes once. A subclass reads at a position and frees its resources.
 *
 * <p>Threading: one thread, as any channel of a file system.
 */
@PublicEvolving
public abstract class ReadOnlyChannel implements SeekableByteChannel {
  private final long size;
  private long position;
  private boolean open = true;

  /**
   * @param size the file's length
   */
  protected ReadOnlyChannel(long size) {
    this.size = size;
  }

  /**
   * Reads into {@code dst} from {@code position} (less than the size, {@code dst} not full);
   * returns the number of bytes read, at least one.
   */
  protected abstract int readAt(long position, ByteBuffer dst) throws IOException;

  /** Frees the channel's resources; called once. */
  protected abstract void release() throws IOException;

  @Override
  public final int read(ByteBuffer dst) throws IOException {
    ensureOpen();
    if (position >= size) {
      return -1;
    }
    if (!dst.hasRemaining()) {
      return 0;
    }
    int n = readAt(position, dst);
    position += n;
    return n;
  }

  @Override
  public final int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public final long position() throws IOException {
    ensureOpen();
    return position;
  }

  @Override
  public final SeekableByteChannel position(long newPosition) throws IOException {
    ensureOpen();
    if (newPosition < 0) {
      throw new IllegalArgumentException("Negative position " + newPosition);
    }
    position = newPosition;
    return this;
  }

  @Override
  public final long size() throws IOException {
    ensureOpen();
    return size;
  }

  @Override
  public final SeekableByteChannel truncate(long size) {
    throw new NonWritableChannelException();
  }

  @Override
  public final boolean isOpen() {
    return open;
  }

  @Override
  public final void close() throws IOException {
    if (open) {
      open = false;
      release();
    }
  }

  private void ensureOpen() throws ClosedChannelException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }
}
