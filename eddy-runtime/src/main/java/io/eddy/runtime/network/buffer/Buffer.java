package io.eddy.runtime.network.buffer;

/**
 * A fixed-size byte segment from a pool, holding serialized stream elements (or one event) that
 * cross from a producer task to a consumer task. Buffers, not records, cross threads.
 *
 * <p>Ownership passes along: the writer fills it, hands it to a subpartition, the consumer reads it
 * and calls {@link #recycle()}, which returns the segment to its pool. A buffer is used by one
 * thread at a time; the hand-offs are the synchronization points.
 */
public final class Buffer {
  private final byte[] memory;
  private final BufferRecycler recycler;
  private int size;
  private boolean event;

  public Buffer(byte[] memory, BufferRecycler recycler) {
    this.memory = memory;
    this.recycler = recycler;
  }

  public byte[] memory() {
    return memory;
  }

  /** Number of valid bytes. */
  public int size() {
    return size;
  }

  public void setSize(int size) {
    this.size = size;
  }

  public int capacity() {
    return memory.length;
  }

  /** True if the buffer carries one event (end of partition, barrier) instead of records. */
  public boolean isEvent() {
    return event;
  }

  public void setEvent(boolean event) {
    this.event = event;
  }

  public void recycle() {
    size = 0;
    event = false;
    recycler.recycle(this);
  }

  @Override
  public String toString() {
    return (event ? "EventBuffer(" : "Buffer(") + size + "/" + memory.length + ")";
  }
}
