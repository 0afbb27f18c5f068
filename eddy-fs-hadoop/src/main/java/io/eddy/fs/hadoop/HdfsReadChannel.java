package io.eddy.fs.hadoop;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * A read-only channel over an HDFS input stream. The position may be set past the end (reads then
 * return -1), which HDFS's {@code seek} refuses, so the stream seeks only when a read needs it.
 */
final class HdfsReadChannel implements SeekableByteChannel {
  private final FSDataInputStream in;
  private final long size;
  private final String location;
  private final HadoopFileSystem fs;
  private long position;
  private boolean open = true;

  HdfsReadChannel(FSDataInputStream in, long size, String location, HadoopFileSystem fs) {
    this.in = in;
    this.size = size;
    this.location = location;
    this.fs = fs;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    ensureOpen();
    if (!dst.hasRemaining()) {
      return 0;
    }
    if (position >= size) {
      return -1;
    }
    try {
      if (in.getPos() != position) {
        in.seek(position);
      }
      int n;
      if (dst.hasArray()) {
        n = in.read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
        if (n > 0) {
          dst.position(dst.position() + n);
        }
      } else {
        byte[] buffer = new byte[Math.min(dst.remaining(), 64 * 1024)];
        n = in.read(buffer, 0, buffer.length);
        if (n > 0) {
          dst.put(buffer, 0, n);
        }
      }
      if (n > 0) {
        position += n;
      }
      return n;
    } catch (IOException e) {
      throw fs.error("Cannot read", location, e);
    }
  }

  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public long position() throws IOException {
    ensureOpen();
    return position;
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws IOException {
    ensureOpen();
    if (newPosition < 0) {
      throw new IllegalArgumentException("negative position " + newPosition);
    }
    position = newPosition;
    return this;
  }

  @Override
  public long size() throws IOException {
    ensureOpen();
    return size;
  }

  @Override
  public SeekableByteChannel truncate(long size) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() throws IOException {
    if (open) {
      open = false;
      in.close();
    }
  }

  private void ensureOpen() throws ClosedChannelException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }
}
