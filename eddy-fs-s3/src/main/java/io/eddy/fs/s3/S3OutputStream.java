package io.eddy.fs.s3;

import java.io.IOException;
import java.io.OutputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Writes an object that appears whole when the stream closes: a single PUT if it fits in one part,
 * else a multipart upload whose parts go up as they fill. A failed stream aborts its upload, so
 * nothing appears. One thread.
 */
final class S3OutputStream extends OutputStream {
  private final S3FileSystem fs;
  private final String key;
  private final byte[] buffer;
  private int count;
  private MultipartUpload upload;
  private boolean closed;

  S3OutputStream(S3FileSystem fs, String key) {
    this.fs = fs;
    this.key = key;
    this.buffer = new byte[fs.settings().partSize()];
  }

  @Override
  public void write(int b) throws IOException {
    if (count == buffer.length) {
      uploadBuffer();
    }
    buffer[count++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      if (count == buffer.length) {
        uploadBuffer();
      }
      int n = Math.min(len, buffer.length - count);
      System.arraycopy(b, off, buffer, count, n);
      count += n;
      off += n;
      len -= n;
    }
  }

  private void uploadBuffer() throws IOException {
    try {
      if (upload == null) {
        upload = MultipartUpload.start(fs, key);
      }
      upload.uploadPart(buffer, count);
      count = 0;
    } catch (IOException e) {
      abort();
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (upload == null) {
      try {
        fs.client()
            .putObject(b -> b.bucket(fs.bucket()).key(key), RequestBody.fromBytes(copyOfBuffer()));
      } catch (SdkException e) {
        throw fs.error(fs.location(key), e);
      }
      return;
    }
    try {
      if (count > 0) {
        upload.uploadPart(buffer, count);
      }
      upload.complete();
    } catch (IOException e) {
      abort();
      throw e;
    }
  }

  private byte[] copyOfBuffer() {
    byte[] bytes = new byte[count];
    System.arraycopy(buffer, 0, bytes, 0, count);
    return bytes;
  }

  private void abort() {
    closed = true;
    if (upload != null) {
      upload.abort();
    }
  }
}
