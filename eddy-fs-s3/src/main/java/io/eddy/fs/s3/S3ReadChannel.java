package io.eddy.fs.s3;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Reads an object anywhere in it: one ranged GET from the current position, reopened when the
 * position moves elsewhere. One thread.
 */
final class S3ReadChannel implements SeekableByteChannel {
  private final S3FileSystem fs;
  private final String key;
  private final long size;
  private long position;
  private ResponseInputStream<GetObjectResponse> stream;
  private long streamPosition;
  private byte[] chunk = new byte[64 * 1024];
  private boolean open = true;

  S3ReadChannel(S3FileSystem fs, String key, long size) {
    this.fs = fs;
    this.key = key;
    this.size = size;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    ensureOpen();
    if (position >= size) {
      return -1;
    }
    if (!dst.hasRemaining()) {
      return 0;
    }
    if (stream == null || streamPosition != position) {
      reopen();
    }
    int wanted = (int) Math.min(Math.min(dst.remaining(), chunk.length), size - position);
    int n;
    try {
      n = stream.read(chunk, 0, wanted);
    } catch (IOException e) {
      closeStream();
      throw new IOException(fs.location(key) + ": reading failed (" + e.getMessage() + ")", e);
    }
    if (n < 0) {
      closeStream();
      throw new IOException(fs.location(key) + ": the object ended before its length " + size);
    }
    dst.put(chunk, 0, n);
    position += n;
    streamPosition += n;
    return n;
  }

  private void reopen() throws IOException {
    closeStream();
    try {
      stream =
          fs.client()
              .getObject(b -> b.bucket(fs.bucket()).key(key).range("bytes=" + position + "-"));
    } catch (SdkException e) {
      throw fs.error(fs.location(key), e);
    }
    streamPosition = position;
  }

  private void closeStream() {
    if (stream != null) {
      stream.abort(); // do not drain the rest of a large object
      try {
        stream.close();
      } catch (IOException ignored) {
        // aborted already
      }
      stream = null;
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
      throw new IllegalArgumentException("Negative position " + newPosition);
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
  public void close() {
    open = false;
    closeStream();
    chunk = null;
  }

  private void ensureOpen() throws ClosedChannelException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }
}
