package io.eddy.fs.hadoop;

import io.eddy.api.fs.ReadOnlyChannel;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * A read-only channel over an HDFS input stream. The position may be set past the end (reads then
 * return -1), which HDFS's {@code seek} refuses, so the stream seeks only when a read needs it.
 */
final class HdfsReadChannel extends ReadOnlyChannel {
  private final FSDataInputStream in;
  private final String location;
  private final HadoopFileSystem fs;

  HdfsReadChannel(FSDataInputStream in, long size, String location, HadoopFileSystem fs) {
    super(size);
    this.in = in;
    this.location = location;
    this.fs = fs;
  }

  @Override
  protected int readAt(long position, ByteBuffer dst) throws IOException {
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
      if (n < 0) {
        throw new IOException("the file ended before its length");
      }
      return n;
    } catch (IOException e) {
      throw fs.error("Cannot read", location, e);
    }
  }

  @Override
  protected void release() throws IOException {
    in.close();
  }
}
