package io.eddy.runtime.network.buffer;

/** Takes back a buffer that its consumer is done with. May be called from any thread. */
public interface BufferRecycler {
  void recycle(Buffer buffer);

  /** Recycler for buffers that belong to no pool (events, tests). */
  BufferRecycler UNPOOLED = buffer -> {};
}
