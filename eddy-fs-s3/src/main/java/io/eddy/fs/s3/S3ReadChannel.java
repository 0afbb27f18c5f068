package io.eddy.fs.s3;

import io.eddy.api.fs.ReadOnlyChannel;
import java.io.IOException;
import java.nio.ByteBuffer;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Reads an object anywhere in it: one ranged GET from the current position, reopened when the
 * position moves elsewhere. One thread.
 */
final class S3ReadChannel extends ReadOnlyChannel {
  private final S3FileSystem fs;
  private final String key;
  private final long size;
  private ResponseInputStream<GetObjectResponse> stream;
  private long streamPosition;
  private final byte[] chunk = new byte[64 * 1024];

  S3ReadChannel(S3FileSystem fs, String key, long size) {
    super(size);
    this.fs = fs;
    this.key = key;
    this.size = size;
  }

  @Override
  protected int readAt(long position, ByteBuffer dst) throws IOException {
    if (stream == null || streamPosition != position) {
      reopen(position);
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
    streamPosition += n;
    return n;
  }

  private void reopen(long position) throws IOException {
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
  protected void release() {
    closeStream();
  }
}
