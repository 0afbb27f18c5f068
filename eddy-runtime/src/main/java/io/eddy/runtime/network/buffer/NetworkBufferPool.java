package io.eddy.runtime.network.buffer;

import java.util.ArrayDeque;

/**
 * The network memory of one TaskManager: at most {@code totalSegments} byte segments of {@code
 * segmentSize} bytes, allocated lazily and reused. Task-level {@link LocalBufferPool}s draw from
 * it, each within its own limit, so the total memory for data exchange is bounded.
 *
 * <p>Thread-safe.
 */
public final class NetworkBufferPool {
  private final int segmentSize;
  private final int totalSegments;
  private final ArrayDeque<byte[]> free = new ArrayDeque<>();
  private int allocated;

  public NetworkBufferPool(int totalSegments, int segmentSize) {
    if (totalSegments < 1 || segmentSize < 64) {
      throw new IllegalArgumentException(
          "Network memory needs at least one segment of at least 64 bytes, got "
              + totalSegments
              + " x "
              + segmentSize);
    }
    this.totalSegments = totalSegments;
    this.segmentSize = segmentSize;
  }

  public int getSegmentSize() {
    return segmentSize;
  }

  public int getTotalSegments() {
    return totalSegments;
  }

  /** A segment, or null when all are in use. */
  synchronized byte[] requestSegment() {
    byte[] segment = free.poll();
    if (segment == null && allocated < totalSegments) {
      allocated++;
      segment = new byte[segmentSize];
    }
    return segment;
  }

  synchronized void recycleSegment(byte[] segment) {
    free.push(segment);
  }

  /** Segments currently handed out to local pools. */
  public synchronized int getUsedSegments() {
    return allocated - free.size();
  }

  /** A pool for one result partition or input gate with at most {@code maxBuffers} buffers. */
  public LocalBufferPool createLocalPool(int maxBuffers) {
    return new LocalBufferPool(this, maxBuffers);
  }
}
