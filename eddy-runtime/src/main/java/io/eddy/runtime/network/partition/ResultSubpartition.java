package io.eddy.runtime.network.partition;

import io.eddy.runtime.network.buffer.Buffer;
import java.util.ArrayDeque;

/**
 * The queue of finished buffers from one producer subtask to one consumer subtask. The producer
 * adds, the consumer (its input channel, local or remote) polls. Synchronized per buffer.
 */
public final class ResultSubpartition {
  private final ArrayDeque<Buffer> buffers = new ArrayDeque<>();

  /** Events that overtake {@link #buffers} (unaligned checkpoint barriers), in arrival order. */
  private final ArrayDeque<Buffer> priorityEvents = new ArrayDeque<>();

  private BufferAvailabilityListener listener;

  /** A barrier queued in order whose consumption is awaited (alignment timeout), or null. */
  private Buffer trackedBarrier;

  private java.util.concurrent.CompletableFuture<Void> trackedBarrierConsumed;
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

  /**
   * Puts an event in front of every queued buffer (an unaligned checkpoint's barrier) and returns
   * copies of the data buffers it overtook: they are the in-flight data of the checkpoint, and are
   * still delivered. Producer thread.
   */
  public java.util.List<byte[]> addPriorityEvent(Buffer event) {
    java.util.List<byte[]> overtaken;
    BufferAvailabilityListener toNotify;
    boolean wasEmpty;
    synchronized (buffers) {
      if (released) {
        event.recycle();
        return java.util.List.of();
      }
      overtaken = copyDataBuffersBefore(null);
      wasEmpty = buffers.isEmpty() && priorityEvents.isEmpty();
      priorityEvents.add(event);
      toNotify = listener;
    }
    if (toNotify != null) {
      if (wasEmpty) {
        toNotify.notifyDataAvailable();
      }
      toNotify.notifyPriorityEvent();
    }
    return overtaken;
  }

  /**
   * Queues a barrier in order, like {@link #add}, and returns a future that completes when the
   * consumer took it, unless {@link #overtakeWithTrackedBarrier} moved it forward first.
   */
  public java.util.concurrent.CompletableFuture<Void> addTrackedBarrier(Buffer barrier) {
    java.util.concurrent.CompletableFuture<Void> consumed =
        new java.util.concurrent.CompletableFuture<>();
    java.util.concurrent.CompletableFuture<Void> previous;
    synchronized (buffers) {
      previous = trackedBarrierConsumed;
      trackedBarrier = barrier;
      trackedBarrierConsumed = consumed;
    }
    if (previous != null) {
      previous.complete(null); // an older checkpoint's: no longer awaited
    }
    add(barrier);
    return consumed;
  }

  /**
   * Moves the tracked barrier in front of the queued buffers (its alignment timed out) and returns
   * copies of the data buffers it overtook; null if the consumer took it already.
   */
  public java.util.List<byte[]> overtakeWithTrackedBarrier() {
    java.util.List<byte[]> overtaken;
    BufferAvailabilityListener toNotify;
    synchronized (buffers) {
      if (trackedBarrier == null || !buffers.contains(trackedBarrier)) {
        return null;
      }
      overtaken = copyDataBuffersBefore(trackedBarrier);
      buffers.removeFirstOccurrence(trackedBarrier);
      priorityEvents.add(trackedBarrier);
      trackedBarrier = null;
      trackedBarrierConsumed = null;
      toNotify = listener;
    }
    if (toNotify != null) {
      toNotify.notifyPriorityEvent();
    }
    return overtaken;
  }

  /** Copies of the queued data buffers in front of {@code stop} (null: all). Holds the lock. */
  private java.util.List<byte[]> copyDataBuffersBefore(Buffer stop) {
    java.util.List<byte[]> copies = new java.util.ArrayList<>();
    for (Buffer b : buffers) {
      if (b == stop) {
        break;
      }
      if (!b.isEvent()) {
        copies.add(java.util.Arrays.copyOf(b.memory(), b.size()));
      }
    }
    return copies;
  }

  /** The next buffer (priority events first), or null if none is queued. Consumer side. */
  public Buffer poll() {
    Buffer next;
    java.util.concurrent.CompletableFuture<Void> consumed = null;
    synchronized (buffers) {
      Buffer priority = priorityEvents.poll();
      next = priority != null ? priority : buffers.poll();
      if (next != null && next == trackedBarrier) {
        consumed = trackedBarrierConsumed;
        trackedBarrier = null;
        trackedBarrierConsumed = null;
      }
    }
    if (consumed != null) {
      consumed.complete(null);
    }
    return next;
  }

  /**
   * The next in-order buffer if it can be sent now: an event always, data only if {@code
   * hasCredit}; null otherwise. Priority events are not returned (take them with {@link
   * #pollPriorityEvent()}). Used by the network server, which sends data only against the remote
   * consumer's credit.
   */
  public Buffer pollInOrder(boolean hasCredit) {
    Buffer next;
    java.util.concurrent.CompletableFuture<Void> consumed = null;
    synchronized (buffers) {
      Buffer head = buffers.peek();
      if (head == null || (!hasCredit && !head.isEvent())) {
        return null;
      }
      next = buffers.poll();
      if (next == trackedBarrier) {
        consumed = trackedBarrierConsumed;
        trackedBarrier = null;
        trackedBarrierConsumed = null;
      }
    }
    if (consumed != null) {
      consumed.complete(null);
    }
    return next;
  }

  /** The next priority event, or null if there is none (any more). Consumer side. */
  public Buffer pollPriorityEvent() {
    synchronized (buffers) {
      return priorityEvents.poll();
    }
  }

  /** Connects the consumer; it is notified at once if data is already queued. */
  public void setListener(BufferAvailabilityListener listener) {
    boolean hasData;
    boolean hasPriority;
    synchronized (buffers) {
      this.listener = listener;
      hasData = !buffers.isEmpty() || !priorityEvents.isEmpty();
      hasPriority = !priorityEvents.isEmpty();
    }
    if (hasData) {
      listener.notifyDataAvailable();
    }
    if (hasPriority) {
      listener.notifyPriorityEvent();
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
      while ((b = priorityEvents.poll()) != null) {
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
