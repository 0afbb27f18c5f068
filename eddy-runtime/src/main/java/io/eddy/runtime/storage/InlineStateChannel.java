package io.eddy.runtime.storage;

import io.eddy.api.fs.ReadOnlyChannel;
import java.nio.ByteBuffer;

/** Reads state kept inline in a checkpoint's metadata as if it were a file. One thread. */
final class InlineStateChannel extends ReadOnlyChannel {
  private final byte[] bytes;

  InlineStateChannel(byte[] bytes) {
    super(bytes.length);
    this.bytes = bytes;
  }

  @Override
  protected int readAt(long position, ByteBuffer dst) {
    int n = (int) Math.min(dst.remaining(), bytes.length - position);
    dst.put(bytes, (int) position, n);
    return n;
  }

  @Override
  protected void release() {}
}
