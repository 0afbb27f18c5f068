package io.eddy.runtime.network.partition;

/** Told when a subpartition that was empty gets a buffer. Called on the producer's thread. */
public interface BufferAvailabilityListener {
  void notifyDataAvailable();

  /** A priority event (an unaligned checkpoint's barrier) overtook the queued buffers. */
  default void notifyPriorityEvent() {}
}
