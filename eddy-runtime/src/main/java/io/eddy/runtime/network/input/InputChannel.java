package io.eddy.runtime.network.input;

import io.eddy.runtime.network.buffer.Buffer;

/**
 * One producer subtask's subpartition as seen by the consumer. Implementations: {@link
 * LocalInputChannel} (same JVM: buffers handed over in memory) and, across processes, a network
 * channel with credit-based flow control.
 */
public interface InputChannel {
  /** The next buffer, or null if none has arrived. Consumer task thread. */
  Buffer poll();

  /** The next priority event (unaligned barrier) not yet polled, or null. Consumer task thread. */
  Buffer pollPriorityEvent();

  /** Connects the channel; it reports data through {@code gate}. */
  void start(InputGate gate, int channelIndex);

  /**
   * Copies of the data buffers that {@code priorityEvent}, just polled from this channel, overtook
   * after they had already left the producer; they belong to the checkpoint's in-flight data. A
   * local channel has none: the producer recorded everything it overtook. Task thread.
   */
  default java.util.List<byte[]> overtakenBy(Buffer priorityEvent) {
    return java.util.List.of();
  }

  void release();
}
