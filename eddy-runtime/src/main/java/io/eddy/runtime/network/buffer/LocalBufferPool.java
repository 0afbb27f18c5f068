package io.eddy.runtime.network.buffer;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * The buffers one task may hold for one output: at most {@code maxBuffers} at a time. When all are
 * in flight the producer must wait until consumers recycle some: this is how backpressure arises,
 * with bounded memory.
 *
 * <p>The producer thread requests; consumer threads recycle. Synchronized on this pool; touched
 * once per buffer, never per record.
 */
public final class LocalBufferPool implements BufferRecycler {
  private final NetworkBufferPool global;
  private final int maxBuffers;
  private final ArrayDeque<Buffer> available = new ArrayDeque<>();
  private int numBuffers;
  private CompletableFuture<Void> availableFuture = CompletableFuture.completedFuture(null);
  private boolean destroyed;

  LocalBufferPool(NetworkBufferPool global, int maxBuffers) {
    if (maxBuffers < 1) {
      throw new IllegalArgumentException("A buffer pool needs at least one buffer");
    }
    this.global = global;
    this.maxBuffers = maxBuffers;
  }

  public int getMaxBuffers() {
    return maxBuffers;
  }

  /** A buffer, or null if none is free now. Never blocks. */
  public synchronized Buffer requestBuffer() {
    Buffer buffer = available.poll();
    if (buffer == null && numBuffers < maxBuffers) {
      byte[] segment = global.requestSegment();
      if (segment != null) {
        numBuffers++;
        buffer = new Buffer(segment, this);
      }
    }
    if (buffer == null && availableFuture.isDone()) {
      availableFuture = new CompletableFuture<>();
    }
    return buffer;
  }

  /** A buffer, waiting for one to be recycled if necessary. */
  public Buffer requestBufferBlocking() throws InterruptedException {
    while (true) {
      CompletableFuture<Void> wait;
      synchronized (this) {
        Buffer buffer = requestBuffer();
        if (buffer != null) {
          return buffer;
        }
        if (destroyed) {
          throw new IllegalStateException("Buffer pool was destroyed");
        }
        wait = availableFuture;
      }
      try {
        wait.get();
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  /** Whether a request would succeed now (approximately; for scheduling, not for correctness). */
  public synchronized boolean isAvailable() {
    return !available.isEmpty() || numBuffers < maxBuffers;
  }

  /** Completes when a buffer may be available. */
  public synchronized CompletableFuture<Void> getAvailableFuture() {
    if (isAvailable()) {
      return CompletableFuture.completedFuture(null);
    }
    if (availableFuture.isDone()) {
      availableFuture = new CompletableFuture<>();
    }
    return availableFuture;
  }

  @Override
  public void recycle(Buffer buffer) {
    CompletableFuture<Void> toComplete = null;
    synchronized (this) {
      if (destroyed) {
        numBuffers--;
        global.recycleSegment(buffer.memory());
        return;
      }
      available.push(buffer);
      if (!availableFuture.isDone()) {
        toComplete = availableFuture;
      }
    }
    if (toComplete != null) {
      toComplete.complete(null); // outside the lock: waiters may run callbacks
    }
  }

  /** Returns all free buffers to the global pool; buffers in flight return when recycled. */
  public void destroy() {
    CompletableFuture<Void> toComplete;
    synchronized (this) {
      destroyed = true;
      for (Buffer b : available) {
        numBuffers--;
        global.recycleSegment(b.memory());
      }
      available.clear();
      toComplete = availableFuture;
    }
    toComplete.complete(null);
  }
}
