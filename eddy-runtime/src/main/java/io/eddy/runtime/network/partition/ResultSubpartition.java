package io.eddy.runtime.network.partition;

import io.eddy.runtime.network.buffer.Buffer;
import java.util.ArrayDeque;

/**
 * The queue of finished buffers from one producer subtask to one consumer subtask. The producer
 * adds, the consumer (its input channel, local or remote) polls. Synchronized per buffer.
 */
public final class ResultSubpartition {
  private final ArrayDeque<Buffer> buffers = new ArrayDeque<>();
  private BufferAvailabilityListener listener;
  private boolean released;

  /** Adds a buffer and wakes the consumer if the queue was empty. Producer thread. */
  public void add(Buffer buffer) {
    BufferAvailabilityListener toNotify = null;
    synchronized (buffers) {
      if (released) {
        buffer.recycle();
        return;
      }
      buffers.add(buffer);
      if (buffers.size() == 1) {
        toNotify = listener;
      }
    }
    if (toNotify != null) {
      toNotify.notifyDataAvailable();
    }
  }

  /** The next buffer, or null if none is queued. Consumer side. */
  public Buffer poll() {
    synchronized (buffers) {
      return buffers.poll();
    }
  }

  /** Connects the consumer; it is notified at once if data is already queued. */
  public void setListener(BufferAvailabilityListener listener) {
    boolean hasData;
    synchronized (buffers) {
      this.listener = listener;
      hasData = !buffers.isEmpty();
    }
    if (hasData) {
      listener.notifyDataAvailable();
    }
  }

  /** Drops queued buffers (job cancelled or failed). */
  public void release() {
    synchronized (buffers) {
      released = true;
      Buffer b;
      while ((b = buffers.poll()) != null) {
        b.recycle();
      }
    }
  }

  public int queuedBuffers() {
    synchronized (buffers) {
      return buffers.size();
    }
  }
}
